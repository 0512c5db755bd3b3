def write_text(d): raise NotImplementedError

"""The codebook dock: the tree of codes, adding, editing, moving, merging and deleting them."""

"""Services shared by the command line and the Discord layer (they call storage, never Discord)."""

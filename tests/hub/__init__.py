"""A local fake Hugging Face Hub for tests (see server.py)."""

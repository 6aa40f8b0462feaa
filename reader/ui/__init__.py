"""The Qt window over core objects. No text processing and no SQL here."""

"""Importing a published press release as a draft activity for review (#5).

`service.import_release` reads the text, runs the extractor and matches each part against the
registry (`matching`); `service.confirm_import` turns the certain matches and a reviewer's
choices into a draft activity. See docs/press-import.md.
"""

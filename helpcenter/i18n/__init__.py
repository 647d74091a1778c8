"""The German edition: translation units of the content, PO catalogs, translated content."""

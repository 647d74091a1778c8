"""Site generator for the backup help center: content model, MkDocs plugins, build helpers."""

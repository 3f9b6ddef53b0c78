"""MkDocs adapters over the omgevingsvisie core."""

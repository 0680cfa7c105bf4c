"""Pure case model: records, the case file format, progress through the steps."""

"""JSON Schema (draft 2020-12) for the application data of a spec."""

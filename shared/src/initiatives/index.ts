// The initiatives feature's public API (schema, validation, mutators). Owned by the initiatives feature.
export {};

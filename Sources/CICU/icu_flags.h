// Intentionally empty: this module exists only to carry ICU's pkg-config flags to CICUShim.

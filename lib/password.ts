/** What a password must be: checked on sign-up and password change. */
export const PASSWORD_MIN_LENGTH = 8;
// Bounds the hashing work a single request can ask for.
export const PASSWORD_MAX_LENGTH = 256;

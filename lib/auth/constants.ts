/**
 * How long a browser stays signed in without use: the session cookie's max age (Auth.js's
 * default) and the life of its `user_sessions` row, which slides along with it.
 */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** A session's last_seen_at (and expiry) is written at most this often. */
export const SESSION_TOUCH_SECONDS = 5 * 60;

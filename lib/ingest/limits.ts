// Size limits of NormalizedEvent fields, shared by both doors and by the database columns.
export const MAX_TITLE_LENGTH = 255;
export const MAX_DETAILS_LENGTH = 65_536;
export const MAX_ORIGIN_LENGTH = 255;
export const MAX_CULPRIT_LENGTH = 255;
export const MAX_RELEASE_LENGTH = 200;
export const MAX_ENVIRONMENT_LENGTH = 64;
export const MAX_TAGS = 50;
export const MAX_TAG_KEY_LENGTH = 32;
export const MAX_TAG_VALUE_LENGTH = 200;

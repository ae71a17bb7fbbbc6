// Tunables of the Korean date reader (dates.ts), each with the reason for its value.

/** A bare `N일` later in the month than the anchor by more than this is read as last month (news looks back). */
export const DAY_FUTURE_SLACK = 3;

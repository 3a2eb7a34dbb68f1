/** Why a plan's teams were released, as each deployment records it. */
export const OWNER_RELEASE = 'released by the owner';
export const COMPLETED_RELEASE = 'the operation was completed';
export const CANCELLED_RELEASE = 'the operation was cancelled';
export const STOOD_DOWN_RELEASE = 'the operation was stood down';

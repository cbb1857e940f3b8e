/**
 * A chart marks itself with this attribute while a drag ends, so that the
 * click the drag ends with opens nothing (public/embed-frame.js skips such clicks).
 */
export const SUPPRESS_CLICK_ATTRIBUTE = "data-suppress-click";

/** Hours in a duration, or null when the text is not one (templated, empty, malformed). */
export declare function durationHours(text: string | number | null | undefined): number | null;
/** `2160h` → "90 days", `36h` → "1.5 days", `2h` → "2 hours": how a message shows a lifetime. */
export declare function describeHours(hours: number): string;

export interface Section {
    heading: string;
    level: number;
    /** Offset of the heading line, and of the end of the section (the next heading of its level or above). */
    start: number;
    end: number;
    body: string;
}
/** The sections of a document; text before the first heading is not a section. */
export declare function sectionsOf(text: string): Section[];
/** A section written as steps: numbered items, a command block, or several bullets that carry commands. */
export declare function isProcedure(body: string): boolean;
/** Sections that document an emergency procedure: an emergency heading over steps that rotate, revoke or break glass. */
export declare function emergencySections(text: string): {
    section: Section;
    kind: string;
}[];

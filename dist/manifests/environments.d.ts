/** The canonical environment name of a path, or null when the path names none. */
export declare function environmentOf(path: string): string | null;

/** Shannon entropy of `value` in bits per character (0 for ""; log2 of the alphabet size at most). */
export declare function shannonEntropy(value: string): number;

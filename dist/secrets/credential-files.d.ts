/** A secret found by the format of a file whose name says it stores credentials. */
export interface CredentialFileMatch {
    format: string;
    start: number;
    end: number;
    secret: string;
}
/** Secrets found by the layout of credential files: shadow, .htpasswd, .pgpass, .netrc, Rails keys, git and browser credential stores, SQL dumps. */
export declare function scanCredentialFile(path: string, text: string): CredentialFileMatch[];
export declare function isCredentialFile(path: string): boolean;

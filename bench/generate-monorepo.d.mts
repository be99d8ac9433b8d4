export function generateMonorepo(root: string, options?: { services?: number; seed?: number }): { files: number; planted: number };

export declare const installStamps: (root: string) => string[];
export declare function freshBundle(dir: string): string | null;
export declare function writeBundle(dir: string, code: string, inputs: string[]): string | null;

export declare const ROOT: string;
export declare const BUNDLE_CACHE: string;
export declare const installStamps: () => string[];
export declare function freshBundle(dir: string, name: string): string | null;
export declare function writeBundle(dir: string, name: string, code: string, inputs: string[]): string | null;
export declare function bundledEntry(entryPath: string, name: string): string;

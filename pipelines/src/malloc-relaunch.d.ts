export declare const MMAP_THRESHOLD_BYTES: number;
export declare function wantsRelaunch(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): boolean;
export declare function relaunch(): Promise<false>;
export declare function dieWithParent(): void;
export declare function launcherPeakMiB(): number;
export declare function runWithMallocSetting(url: () => string, commandWants?: boolean): Promise<void>;

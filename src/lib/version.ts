/** Version of this library; kept equal to package.json's "version" (checked by a test). */
export const LIBRARY_VERSION = "0.1.0";

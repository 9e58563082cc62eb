// The Article Editor's page (placeholder until the editor lands).
export {};

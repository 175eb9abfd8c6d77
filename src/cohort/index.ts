export {};
export * from "./reconstruct";

/**
 * Stages that hold no real data and may be torn down with their table. Every other stage is treated
 * as production: its table is protected from deletion and retained, so a mistyped stage name errs
 * on the side of keeping data.
 */
const DISPOSABLE = /^(dev|test|ci|local|pr-\d+)(-|$)/;

export const isProduction = (stage: string) => !DISPOSABLE.test(stage);

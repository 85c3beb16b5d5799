/**
 * The steps a command takes, declared by the command itself (each exports `<command>Steps(options)`)
 * so that the task pane's progress bar knows its length without counting port calls by hand.
 * test/commands/steps.test.ts checks every declaration against the port calls the command makes.
 */
export type Step =
  /** port.listSheets */
  | "list"
  /** port.readSheets */
  | "read"
  /** port.commit */
  | "write"
  /** work between port calls that the caller reports (e.g. building the masked copy) */
  | "build"
  /** handing the result to the host (e.g. opening the masked copy in Excel) */
  | "open";

/** listSheets + readSheets: what readWorkbook does. */
export const READ_WORKBOOK: readonly Step[] = ["list", "read"];

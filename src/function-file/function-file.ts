// Function file (manifest <FunctionFile>) for the ribbon. The only ribbon button opens the task
// pane (ShowTaskpane), so this page registers no functions; it only has to initialise Office.js.
if (typeof Office !== "undefined") {
  void Office.onReady();
}

export {};

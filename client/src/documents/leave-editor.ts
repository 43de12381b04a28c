/**
 * Escape leaves the editor, so keyboard users are never stuck in it (Tab indents list items).
 * Focus goes to the formatting toolbar when there is one; otherwise the editor just lets go.
 */
import { Extension } from "@tiptap/core";

export function leaveEditorOnEscape(toolbarId: string) {
  return Extension.create({
    name: "leaveEditorOnEscape",
    addKeyboardShortcuts() {
      return {
        Escape: ({ editor }) => {
          const toolbarButton = document.querySelector<HTMLElement>(`#${toolbarId} [tabindex="0"]`);
          if (toolbarButton) toolbarButton.focus();
          else editor.commands.blur();
          return true;
        },
      };
    },
  });
}

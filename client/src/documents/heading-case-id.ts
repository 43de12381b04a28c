/**
 * A tracker meeting's minutes have one section per child: its level-2 heading carries the
 * case's id (`caseId` on the Yjs element), and the server files actions written under it
 * against that child. Tiptap's Heading does not know the attribute, and y-prosemirror removes
 * attributes the schema does not know when the heading is edited, so the schema must know it.
 */
import { Extension } from "@tiptap/core";

export const headingCaseIdAttribute = "caseId";

export const HeadingCaseId = Extension.create({
  name: "headingCaseId",
  addGlobalAttributes() {
    return [
      {
        types: ["heading"],
        attributes: {
          [headingCaseIdAttribute]: {
            default: null,
            // Split a heading in two and only the original part stays the case's heading.
            keepOnSplit: false,
            parseHTML: (element: HTMLElement) => element.getAttribute("data-case-id") || null,
            renderHTML: (attributes: Record<string, unknown>) => {
              const caseId = attributes[headingCaseIdAttribute];
              return typeof caseId === "string" && caseId.length > 0 ? { "data-case-id": caseId } : {};
            },
          },
        },
      },
    ];
  },
});

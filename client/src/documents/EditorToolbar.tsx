/**
 * The editor's toolbar: formatting for people who edit, and Comment for anyone who may comment
 * (alone, for people who may comment but not edit). One Tab stop: arrow keys, Home and End move
 * between buttons (the WAI-ARIA toolbar pattern). Toggle buttons say whether they are on with
 * aria-pressed.
 */
import { useEditorState, type Editor } from "@tiptap/react";
import { useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { commentShortcut } from "../comments/comment-shortcut";

interface ToolbarButton {
  label: string;
  shortcut?: string;
  /** Shown on hover: the shortcut, for people who use a mouse too. */
  title?: string;
  pressed?: boolean;
  enabled: boolean;
  run: (focusEditor: boolean) => void;
  className?: string;
}

function chainFrom(editor: Editor, focusEditor: boolean) {
  return focusEditor ? editor.chain().focus() : editor.chain();
}

interface EditorToolbarProps {
  editor: Editor;
  editorId: string;
  /** False for people who may comment but not edit: then only Comment is offered. */
  editable: boolean;
  /** Start a comment on what is selected; left out for people who may not comment. */
  onComment?: () => void;
}

export function EditorToolbar({ editor, editorId, editable, onComment }: EditorToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      heading: current.isActive("heading", { level: 2 }),
      bulletList: current.isActive("bulletList"),
      orderedList: current.isActive("orderedList"),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const [activeIndex, setActiveIndex] = useState(0);
  const buttonRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const formatting: ToolbarButton[] = [
    {
      label: "Bold",
      shortcut: "Control+B Meta+B",
      pressed: state.bold,
      enabled: true,
      className: "rt-toolbar__button--bold",
      run: (focus) => chainFrom(editor, focus).toggleBold().run(),
    },
    {
      label: "Italic",
      shortcut: "Control+I Meta+I",
      pressed: state.italic,
      enabled: true,
      className: "rt-toolbar__button--italic",
      run: (focus) => chainFrom(editor, focus).toggleItalic().run(),
    },
    {
      label: "Heading",
      pressed: state.heading,
      enabled: true,
      run: (focus) => chainFrom(editor, focus).toggleHeading({ level: 2 }).run(),
    },
    {
      label: "Bullet list",
      pressed: state.bulletList,
      enabled: true,
      run: (focus) => chainFrom(editor, focus).toggleBulletList().run(),
    },
    {
      label: "Numbered list",
      pressed: state.orderedList,
      enabled: true,
      run: (focus) => chainFrom(editor, focus).toggleOrderedList().run(),
    },
    {
      label: "Add action",
      shortcut: "Control+Shift+A Meta+Shift+A",
      enabled: true,
      className: "rt-toolbar__button--action",
      // Always back to the editor, keyboard or pointer: the next thing to do is write the action.
      run: () => chainFrom(editor, true).addActionItem().run(),
    },
  ];
  const history: ToolbarButton[] = [
    {
      label: "Undo",
      shortcut: "Control+Z Meta+Z",
      enabled: state.canUndo,
      run: (focus) => chainFrom(editor, focus).undo().run(),
    },
    {
      label: "Redo",
      shortcut: "Control+Y Meta+Shift+Z",
      enabled: state.canRedo,
      run: (focus) => chainFrom(editor, focus).redo().run(),
    },
  ];
  const comment: ToolbarButton[] = onComment
    ? [
        {
          label: "Comment",
          shortcut: commentShortcut.aria,
          title: `Comment on the selected words (${commentShortcut.label})`,
          enabled: true,
          run: () => onComment(),
        },
      ]
    : [];
  const buttons = editable ? [...formatting, ...comment, ...history] : comment;
  // The set of buttons changes when access does: keep the one Tab stop on a button that exists.
  const current = Math.min(activeIndex, buttons.length - 1);

  const moveTo = (index: number) => {
    const wrapped = (index + buttons.length) % buttons.length;
    setActiveIndex(wrapped);
    buttonRefs.current[wrapped]?.focus();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  const handleClick = (button: ToolbarButton, index: number, event: MouseEvent<HTMLButtonElement>) => {
    setActiveIndex(index);
    if (!button.enabled) return;
    // A pointer click goes back to typing; a keyboard press (detail 0) stays on the toolbar.
    button.run(event.detail > 0);
  };

  return (
    <div
      className="rt-toolbar"
      role="toolbar"
      aria-label={editable ? "Formatting" : "Comment tools"}
      aria-controls={editorId}
      onKeyDown={handleKeyDown}
    >
      {buttons.map((button, index) => (
        <button
          key={button.label}
          ref={(element) => {
            buttonRefs.current[index] = element;
          }}
          type="button"
          className={`rt-toolbar__button ${button.className ?? ""}`}
          tabIndex={index === current ? 0 : -1}
          aria-label={button.label}
          aria-pressed={button.pressed}
          aria-disabled={!button.enabled || undefined}
          aria-keyshortcuts={button.shortcut}
          title={button.title}
          // Keep the editor's selection when a button is pressed with a pointer.
          onMouseDown={(event) => event.preventDefault()}
          onClick={(event) => handleClick(button, index, event)}
        >
          {button.label}
        </button>
      ))}
    </div>
  );
}

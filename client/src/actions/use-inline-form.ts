/**
 * A button in a row that opens a small form in its place: opening moves focus to the form's
 * first box, closing brings it back to the button, so a keyboard user never loses their place.
 */
import { useEffect, useRef, useState } from "react";

export function useInlineForm<Field extends HTMLElement>() {
  const [open, setOpen] = useState(false);
  const fieldRef = useRef<Field>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) fieldRef.current?.focus();
    else if (wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return { open, setOpen, fieldRef, buttonRef };
}

"use client";

import { lazy, Suspense, useRef, useState, useSyncExternalStore, type ComponentProps } from "react";

/**
 * The dialog's code loads when the button is first pressed (or pointed at, or focused): a page's
 * first load carries only the button. React's `lazy`, not next/dynamic, whose loader adds some 2 kB.
 */
const loadEmbedDialog = () => import("./embed-dialog");
const EmbedDialog = lazy(() => loadEmbedDialog().then((module) => ({ default: module.EmbedDialogWithMessages })));

type Props = Omit<ComponentProps<typeof EmbedDialog>, "openings" | "returnFocusTo"> & {
  /** The button's word, from the server (this button loads no message runtime: decision 0028). */
  buttonLabel: string;
};

const subscribeToNothing = () => () => {};

/** A view's "Embed" button: it opens the dialog that builds the embed code (embed-dialog.tsx). */
export function EmbedDialogButton({ buttonLabel, ...props }: Props) {
  // The button works only once React runs: until then (and without JavaScript) it stays disabled.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [openings, setOpenings] = useState(0);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary"
        aria-haspopup="dialog"
        onClick={() => setOpenings((count) => count + 1)}
        onPointerEnter={() => void loadEmbedDialog()}
        onFocus={() => void loadEmbedDialog()}
        disabled={!hydrated}
        data-embed-button=""
      >
        {buttonLabel}
      </button>
      {openings > 0 && (
        <Suspense fallback={null}>
          <EmbedDialog {...props} openings={openings} returnFocusTo={buttonRef} />
        </Suspense>
      )}
    </>
  );
}

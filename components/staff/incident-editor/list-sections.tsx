"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { editorEntries } from "@/lib/incidents/editor-layout";
import { ITEM_LISTS, RECORD_OF_LIST, type ItemListName } from "@/lib/incidents/fields";
import { useEditorFields } from "./editor-context";
import { RecordFields } from "./record-fields";
import styles from "./incident-editor.module.css";

/** What a list section asks the editor to do; the editor keeps references right and moves focus. */
export type ListActions = {
  add: (list: ItemListName) => void;
  remove: (list: ItemListName, key: string) => void;
  move: (list: ItemListName, key: string, offset: -1 | 1) => void;
};

/** DOM ids of the controls focus moves to after list changes. */
export const listIds = {
  item: (list: ItemListName, key: string) => `item-${list}-${key}`,
  add: (list: ItemListName) => `add-${list}`,
  moveUp: (key: string) => `move-up-${key}`,
  moveDown: (key: string) => `move-down-${key}`,
};

/** The first field of a new item, which receives focus when it is added. */
export function firstFieldOf(list: ItemListName): string {
  const first = editorEntries(RECORD_OF_LIST[list])[0];
  return first?.kind === "field" ? first.field : "startsAt";
}

/**
 * A list of items (phases, sources…): each item is a fieldset named "Phase 2"
 * with buttons to move it up or down and to remove it, followed by a button to
 * add another.
 */
function ListSection({
  list,
  actions,
  renderItem,
}: {
  list: ItemListName;
  actions: ListActions;
  renderItem: (index: number) => ReactNode;
}) {
  const t = useTranslations("Editor");
  const { form } = useEditorFields();
  const items = form[list] as { key: string }[];
  const headingId = `heading-${list}`;
  return (
    <section aria-labelledby={headingId} className={styles.listSection}>
      <h2 id={headingId}>{t(`lists.${list}.title`)}</h2>
      <p className={styles.groupHint}>{t(`lists.${list}.hint`)}</p>
      {items.length === 0 ? <p className={styles.emptyList}>{t(`lists.${list}.empty`)}</p> : null}
      <ol className={styles.items}>
        {items.map((item, index) => {
          const number = index + 1;
          return (
            <li key={item.key}>
              <fieldset id={listIds.item(list, item.key)} tabIndex={-1} className={styles.item}>
                <legend className={styles.itemLegend}>{t(`lists.${list}.legend`, { number })}</legend>
                <div className={styles.itemActions}>
                  <button
                    type="button"
                    id={listIds.moveUp(item.key)}
                    className={styles.iconButton}
                    aria-label={t(`lists.${list}.moveUp`, { number })}
                    title={t(`lists.${list}.moveUp`, { number })}
                    disabled={index === 0}
                    onClick={() => actions.move(list, item.key, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    id={listIds.moveDown(item.key)}
                    className={styles.iconButton}
                    aria-label={t(`lists.${list}.moveDown`, { number })}
                    title={t(`lists.${list}.moveDown`, { number })}
                    disabled={index === items.length - 1}
                    onClick={() => actions.move(list, item.key, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button type="button" className={styles.removeButton} onClick={() => actions.remove(list, item.key)}>
                    {t(`lists.${list}.remove`, { number })}
                  </button>
                </div>
                {renderItem(index)}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" id={listIds.add(list)} className="button button--secondary" onClick={() => actions.add(list)}>
        {t(`lists.${list}.add`)}
      </button>
    </section>
  );
}

/** Every list of the incident, in order, each item's fields drawn from the field tables. */
export function ListSections({ actions }: { actions: ListActions }) {
  return ITEM_LISTS.map((list) => (
    <ListSection key={list} list={list} actions={actions} renderItem={(index) => <RecordFields record={RECORD_OF_LIST[list]} prefix={`${list}.${index}.`} />} />
  ));
}

import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigationCount } from '../router.js';

let focusedForNavigation = 0;

/**
 * The page's h1. Sets the document title and, after an in-app navigation, takes focus so that
 * screen reader and keyboard users start from the new page's heading.
 */
export function PageHeading({ title, children, id }: { title: string; children?: ReactNode; id?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);

  useEffect(() => {
    const count = navigationCount();
    if (count > 0 && count !== focusedForNavigation) {
      focusedForNavigation = count;
      ref.current?.focus();
    }
  });

  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}

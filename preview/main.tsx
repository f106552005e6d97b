import * as React from 'react';
import * as ReactDom from 'react-dom';
import danish from 'mpk-loc:da-dk';
import english from 'mpk-loc:en-us';
import cardDanish from 'mpk-loc:card/da-dk';
import cardEnglish from 'mpk-loc:card/en-us';
import { PreviewApp } from './PreviewApp';
import type { IPreviewPageContext } from './pageContext';
import type { Locale } from '../src/domain/locale';
import { parsePreviewState } from './previewState';

const strings: Record<Locale, IMpkStrings> = { 'da-DK': danish, 'en-US': english };
const cardStrings: Record<Locale, IMpkCardStrings> = { 'da-DK': cardDanish, 'en-US': cardEnglish };
const context = (window as unknown as { __MPK_CONTEXT__: IPreviewPageContext }).__MPK_CONTEXT__;

ReactDom.render(
  <PreviewApp
    initial={parsePreviewState(window.location.search)}
    context={context}
    stringsFor={(locale) => strings[locale]}
    cardStringsFor={(locale) => cardStrings[locale]}
  />,
  document.getElementById('root'),
);

// A stand-in for @microsoft/sp-webpart-base, which cannot load outside SharePoint's page.
export class BaseClientSideWebPart<TProperties> {
  public properties = {} as TProperties;
  public domElement: HTMLElement = document.createElement('div');
  public context: unknown;
  protected async onInit(): Promise<void> {
    return undefined;
  }
}

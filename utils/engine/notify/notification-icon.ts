// A plain 48 px disc, inline so a notification never depends on an icon file being packaged
// (Chrome refuses to show a notification whose image cannot be loaded).
export const NOTIFICATION_ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAmElEQVR42u3ayw2AMAwE0XRCaZRKaVABSiAfezdjifu8G9iUwhjNcV53yyMZnQ7TGx4GGR2+FDI7fhpiVfgUSFT8EER0fDdCGpAl/hciW/xnhDQga3wzQhqQPb6KABAJUIl/RQAAAAAAAADSAN6FAGzyTeD/SclWgt2Q4XZu3+Wu/Hrd4sBhcWKyOfJZnFltDt02vxownfMApw1W5O1gEkwAAAAASUVORK5CYII=';

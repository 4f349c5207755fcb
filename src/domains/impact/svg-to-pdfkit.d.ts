// svg-to-pdfkit ships no types: its one export draws an SVG string onto a PDFKit document.
declare module 'svg-to-pdfkit' {
  function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: { width?: number; height?: number; assumePt?: boolean },
  ): void;
  export default SVGtoPDF;
}

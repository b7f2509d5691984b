import PDFDocument from 'pdfkit';

/** An A4 document with the CJK font registered, and the finished file as a promise once `end()` is called. */
export function cjkPdf(title: string, fontPath: string, layout: 'portrait' | 'landscape' = 'portrait'): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', layout, margin: 40, info: { Title: title } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // A TrueType collection holds several faces: name the one with Chinese glyphs.
  doc.registerFont('cjk', fontPath, fontPath.endsWith('.ttc') ? 'WenQuanYiMicroHei' : undefined);
  doc.font('cjk');
  return { doc, done };
}

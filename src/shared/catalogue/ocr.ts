import { l, MP_DOC, OA_DOC, param, quota } from './define';
import type { Endpoint } from './model';

const imgUrl = param('img_url', 'string', false, '图片 URL（与 img 二选一）', 'The image URL (or upload img instead)', 'https://example.com/sample.jpg');
const img = param('img', 'file', false, '图片文件，form-data 字段名 img（与 img_url 二选一），2MB 以内', 'The image, form-data field img (or give img_url instead), up to 2 MB');
const OCR_QUOTA = quota('按次计费 / 每日有免费额度，超出返回 45009', 'Billed per call past a free daily allowance; beyond it 45009');

function ocr(id: string, path: string, zh: string, en: string, descZh: string, descEn: string, mpPage: string, extra: Endpoint['query'] = []): Endpoint {
  return {
    id: `ocr.${id}`,
    group: 'ocr',
    kinds: ['oa', 'mp'],
    method: 'POST',
    path,
    name: l(zh, en),
    description: l(`${descZh}；需在服务市场开通`, `${descEn}; needs the service enabled in the WeChat service market`),
    query: [...extra, imgUrl],
    form: [img],
    sideEffect: OCR_QUOTA,
    docUrl: mpPage.startsWith('https://') ? mpPage : `${MP_DOC}/img-ocr/${mpPage}`,
  };
}

/** 智能接口 (OCR and image processing), offered to Official Accounts and Mini Programs through the service market. */
export const OCR_ENDPOINTS: Endpoint[] = [
  ocr('idcard', '/cv/ocr/idcard', '身份证识别', 'ID card OCR', '正面返回姓名、号码、地址等，背面返回有效期', 'Front: name, number, address; back: the validity period', 'ocr/api_idcardocr.html', [
    param('type', 'string', false, 'photo（拍照）或 scan（扫描件）', 'photo or scan', 'photo'),
  ]),
  ocr('bankcard', '/cv/ocr/bankcard', '银行卡识别', 'Bank card OCR', '返回卡号', 'Returns the card number', 'ocr/api_bankcardocr.html'),
  ocr('driving', '/cv/ocr/driving', '行驶证识别', 'Vehicle licence OCR', '车牌号、车辆类型、所有人等', 'Plate, vehicle type, owner and more', 'ocr/api_drivingocr.html'),
  ocr('drivinglicense', '/cv/ocr/drivinglicense', '驾驶证识别', 'Driving licence OCR', '证号、姓名、准驾车型、有效期等', 'Number, name, permitted classes, validity and more', 'ocr/api_drivinglicenseocr.html'),
  ocr('bizlicense', '/cv/ocr/bizlicense', '营业执照识别', 'Business licence OCR', '注册号、企业名称、法定代表人等', 'Registration number, company name, legal representative and more', 'ocr/api_bizlicenseocr.html'),
  ocr('comm', '/cv/ocr/comm', '通用印刷体识别', 'General printed-text OCR', '每行文字及其位置', 'Each line of text with its position', 'ocr/api_commocr.html'),
  ocr('platenum', '/cv/ocr/platenum', '车牌识别', 'Licence plate OCR', '车牌号码', 'The plate number', `${OA_DOC}/Intelligent_Interface/OCR.html`), // gone from the Mini Program index; the SDKs cite this page
  {
    id: 'img.qrcode',
    group: 'ocr',
    kinds: ['oa', 'mp'],
    method: 'POST',
    path: '/cv/img/qrcode',
    name: l('二维码/条码识别', 'Read QR codes and barcodes'),
    description: l('图片中的全部二维码和条码，含类型、内容和位置', 'Every QR code and barcode in the image, with type, data and position'),
    query: [imgUrl],
    form: [img],
    sideEffect: OCR_QUOTA,
    docUrl: `${OA_DOC}/Intelligent_Interface/Img_Proc.html`,
  },
  {
    id: 'img.aicrop',
    group: 'ocr',
    kinds: ['oa', 'mp'],
    method: 'POST',
    path: '/cv/img/aicrop',
    name: l('图片智能裁剪', 'Smart image crop'),
    description: l('返回建议的裁剪区域', 'Returns suggested crop rectangles'),
    query: [imgUrl, param('ratios', 'string', false, '宽高比，如 1,2.35，最多 5 个', 'Aspect ratios such as 1,2.35, up to 5', '1')],
    form: [img],
    sideEffect: OCR_QUOTA,
    docUrl: `${OA_DOC}/Intelligent_Interface/Img_Proc.html`,
  },
];

/**
 * The catalogue's doc links that were checked against the official doc indexes (toolbox, issue 11): WeCom's
 * navigation tree (document/path/NNNNN), the Mini Program server-API index (miniprogram/dev/server/API/…), and the
 * SDKs' own citations (WxJava, SKIT, wechatpy, silenceper/wechat) where the index says nothing. Each of these links
 * was wrong or out of date before; the table keeps them right.
 */
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../../src/shared/catalogue/index';

const MP = 'https://developers.weixin.qq.com/miniprogram/dev/server/API';
const WECOM = 'https://developer.work.weixin.qq.com/document/path';
const OA = 'https://developers.weixin.qq.com/doc/offiaccount';

const VERIFIED: Record<string, string> = {
  // WeCom: the current tree moved 修改群聊会话 / 获取群聊会话 off 90246 / 90247.
  'POST /cgi-bin/appchat/update': `${WECOM}/98913`,
  'GET /cgi-bin/appchat/get': `${WECOM}/98914`,
  // Mini Programs: the server-API index.
  'POST /wxa/getwxacodeunlimit': `${MP}/qrcode-link/qr-code/api_getunlimitedqrcode.html`,
  'POST /wxa/getwxacode': `${MP}/qrcode-link/qr-code/api_getqrcode.html`,
  'POST /cgi-bin/wxaapp/createwxaqrcode': `${MP}/qrcode-link/qr-code/api_createqrcode.html`,
  'POST /wxa/generatescheme': `${MP}/qrcode-link/url-scheme/api_generatescheme.html`,
  'POST /wxa/queryscheme': `${MP}/qrcode-link/url-scheme/api_queryscheme.html`,
  'POST /wxa/generate_urllink': `${MP}/qrcode-link/url-link/api_generateurllink.html`,
  'POST /wxa/query_urllink': `${MP}/qrcode-link/url-link/api_queryurllink.html`,
  'POST /wxa/genwxashortlink': `${MP}/qrcode-link/short-link/api_generateshortlink.html`,
  'POST /wxa/business/getuserphonenumber': `${MP}/user-info/phone-number/api_getphonenumber.html`,
  'GET /wxa/getpaidunionid': `${MP}/user-info/basic-info/api_getpaidunionid.html`,
  'POST /wxa/plugin': `${MP}/plugin-management/api_managepluginapplication.html`,
  'POST /tcb/invokecloudfunction': `${MP}/cloudbase/functions/api_invokecloudfunction.html`,
  'POST /wxa/msg_sec_check': `${MP}/sec-center/sec-check/api_msgseccheck.html`,
  'POST /wxa/media_check_async': `${MP}/sec-center/sec-check/api_mediacheckasync.html`,
  'POST /wxa/getuserriskrank': `${MP}/sec-center/safety-control-capability/api_getuserriskrank.html`,
  'POST /cgi-bin/message/subscribe/send': `${MP}/mp-message-management/subscribe-message/api_sendmessage.html`,
  'POST /wxaapi/newtmpl/addtemplate': `${MP}/mp-message-management/subscribe-message/api_addwxanewtemplate.html`,
  'POST /wxaapi/newtmpl/deltemplate': `${MP}/mp-message-management/subscribe-message/api_delwxanewtemplate.html`,
  'GET /wxaapi/newtmpl/getcategory': `${MP}/mp-message-management/subscribe-message/api_getcategory.html`,
  'GET /wxaapi/newtmpl/gettemplate': `${MP}/mp-message-management/subscribe-message/api_getwxapubnewtemplate.html`,
  'GET /wxaapi/newtmpl/getpubtemplatekeywords': `${MP}/mp-message-management/subscribe-message/api_getpubnewtemplatekeywords.html`,
  'GET /wxaapi/newtmpl/getpubtemplatetitles': `${MP}/mp-message-management/subscribe-message/api_getpubnewtemplatetitles.html`,
  'GET /cgi-bin/message/wxopen/activityid/create': `${MP}/mp-message-management/updatable-message/api_createactivityid.html`,
  'POST /datacube/getweanalysisappiddailysummarytrend': `${MP}/data-analysis/others/api_getdailysummary.html`,
  'POST /datacube/getweanalysisappiddailyvisittrend': `${MP}/data-analysis/visit-trend/api_getdailyvisittrend.html`,
  'POST /datacube/getweanalysisappidweeklyvisittrend': `${MP}/data-analysis/visit-trend/api_getweeklyvisittrend.html`,
  'POST /datacube/getweanalysisappidmonthlyvisittrend': `${MP}/data-analysis/visit-trend/api_getmonthlyvisittrend.html`,
  'POST /datacube/getweanalysisappiddailyretaininfo': `${MP}/data-analysis/visit-retain/api_getdailyretain.html`,
  'POST /datacube/getweanalysisappidvisitpage': `${MP}/data-analysis/others/api_getvisitpage.html`,
  'POST /datacube/getweanalysisappidvisitdistribution': `${MP}/data-analysis/others/api_getvisitdistribution.html`,
  'POST /datacube/getweanalysisappiduserportrait': `${MP}/data-analysis/others/api_getuserportrait.html`,
  'POST /cv/ocr/idcard': `${MP}/img-ocr/ocr/api_idcardocr.html`,
  'POST /cv/ocr/bankcard': `${MP}/img-ocr/ocr/api_bankcardocr.html`,
  'POST /cv/ocr/driving': `${MP}/img-ocr/ocr/api_drivingocr.html`,
  'POST /cv/ocr/drivinglicense': `${MP}/img-ocr/ocr/api_drivinglicenseocr.html`,
  'POST /cv/ocr/bizlicense': `${MP}/img-ocr/ocr/api_bizlicenseocr.html`,
  'POST /cv/ocr/comm': `${MP}/img-ocr/ocr/api_commocr.html`,
  // Not in the Mini Program index any more; the SDKs cite the Official Account OCR page for it.
  'POST /cv/ocr/platenum': `${OA}/Intelligent_Interface/OCR.html`,
};

describe('catalogue doc links checked against the official indexes', () => {
  for (const [key, url] of Object.entries(VERIFIED)) {
    it(key, () => {
      const [method, path] = key.split(' ');
      const entries = ENDPOINTS.filter((e) => e.method === method && e.path === path);
      expect(entries.length, 'in the catalogue').toBeGreaterThan(0);
      for (const e of entries) expect(e.docUrl, e.id).toBe(url);
    });
  }

  it('no entry links to the retired Mini Program OpenApiDoc layout', () => {
    expect(ENDPOINTS.filter((e) => e.docUrl?.includes('/miniprogram/dev/OpenApiDoc/')).map((e) => e.id)).toEqual([]);
  });
});

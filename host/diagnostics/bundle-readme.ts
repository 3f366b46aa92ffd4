/** README.txt of the bundle: what each file is, for whoever opens it at support. */
export const BUNDLE_README = `Hall Kiosk diagnostics bundle / 自助终端诊断包
============================================

Made on the technician console (运维控制台 → 日志与诊断 → 下载诊断包). It holds no personal
data: no ID numbers, names, addresses, phone numbers or photos of citizens or staff, and no
PIN hashes or tokens. Log lines were masked before the host kept them.
本诊断包不含任何个人信息（身份证号、姓名、住址、电话、照片）和 PIN 哈希、令牌。

host.json       app version, Node/Electron versions, platform, uptime, memory; role, hall,
                terminal, business day, listen address, LAN API on/off.
                版本、运行环境、内存；本机角色、大厅、终端编号、营业日、监听地址、局域网开关。
config.json     the effective configuration without secrets: the central API token removed,
                staff accounts reduced to counts per role; the terminal's own settings.
                生效的配置（已去除令牌，工作人员只计人数）。
devices.json    every configured device with its live health.
                设备配置及实时状态。
sync.json       what the hall still owes the central API, and why (as GET /api/v1/sync/status).
                与省平台的数据同步状态。
terminals.json  paired LAN terminals (names, kinds, times; never their tokens).
                已配对的局域网终端（不含令牌）。
logs.ndjson     the host's recent log lines (memory only, masked), one JSON object per line.
                最近的主机日志（已脱敏），每行一条。
audit.ndjson    the newest 1,000 audit log rows (who did what, by staff id), one per line.
                最近 1000 条操作审计记录。
database.json   SQLite quick_check result, page count and size, user_version, WAL size,
                and row counts per table (counts only).
                数据库完整性检查、大小和各表行数（只有数量）。
`;

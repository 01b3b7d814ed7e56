<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Account</name>
    <message>
        <source>Production</source>
        <translation>Рабочий</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Предрелизный</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Тестовый</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Демо</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другой</translation>
    </message>
    <message>
        <source>Demo client</source>
        <translation>Демо-клиент</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Account</source>
        <translation>Аккаунт</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Название аккаунта</translation>
    </message>
    <message>
        <source>How the app shows this account; no two accounts share a name</source>
        <translation>Так приложение показывает этот аккаунт; у двух аккаунтов не может быть одного названия</translation>
    </message>
    <message>
        <source>API &amp;URL:</source>
        <translation>&amp;Адрес API:</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>Адрес API</translation>
    </message>
    <message>
        <source>The address of your Altcraft, for example ru.altkraft.com</source>
        <translation>Адрес вашего Altcraft, например ru.altkraft.com</translation>
    </message>
    <message>
        <source>ru.altkraft.com</source>
        <translation>ru.altkraft.com</translation>
    </message>
    <message>
        <source>API URL check</source>
        <translation>Проверка адреса API</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>&amp;Токен API:</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Токен API</translation>
    </message>
    <message>
        <source>Made in Altcraft under Settings, Tokens. Kept in the system keychain, never in a file.</source>
        <translation>Создаётся в Altcraft в разделе «Настройки → Токены». Хранится в системном хранилище ключей, никогда в файле.</translation>
    </message>
    <message>
        <source>Show token</source>
        <translation>Показать токен</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Forget token</source>
        <translation>Забыть токен</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Забыть</translation>
    </message>
    <message>
        <source>Token storage</source>
        <translation>Хранение токена</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>Проверить &amp;подключение</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Результат проверки подключения</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Среда</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Среда:</translation>
    </message>
    <message>
        <source>Shown in the account&apos;s band, so that production is never mistaken for a test</source>
        <translation>Показывается на полосе аккаунта, чтобы рабочий аккаунт никогда не спутать с тестовым</translation>
    </message>
    <message>
        <source>Environment name</source>
        <translation>Название среды</translation>
    </message>
    <message>
        <source>Name of the environment</source>
        <translation>Название среды</translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation>&amp;Цвет:</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <source>The colour of the account&apos;s band</source>
        <translation>Цвет полосы аккаунта</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Безопасность</translation>
    </message>
    <message>
        <source>&amp;Read-only: no change is ever sent to this account</source>
        <translation>&amp;Только чтение: в этот аккаунт не отправляется ни одно изменение</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Только чтение</translation>
    </message>
    <message>
        <source>Campaigns can be listed and read, but no action is sent</source>
        <translation>Кампании можно просматривать, но ни одно действие не отправляется</translation>
    </message>
    <message>
        <source>Confirm &amp;every action, naming this account</source>
        <translation>Подтверждать &amp;каждое действие с названием этого аккаунта</translation>
    </message>
    <message>
        <source>Confirm every action</source>
        <translation>Подтверждать каждое действие</translation>
    </message>
    <message>
        <source>Every action asks first, and the question names the account</source>
        <translation>Каждое действие сначала спрашивает, и вопрос называет аккаунт</translation>
    </message>
    <message>
        <source>&amp;Type the count to confirm from:</source>
        <translation>&amp;Вводить число для подтверждения от:</translation>
    </message>
    <message>
        <source>Type the count to confirm from this many campaigns</source>
        <translation>Вводить число для подтверждения начиная с такого числа кампаний</translation>
    </message>
    <message>
        <source>Zero means never</source>
        <translation>Ноль — никогда</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <source>From this many campaigns, a bulk action asks you to type their count before it starts. Complete always asks to type the count for more than one campaign, whatever is set here.</source>
        <translation>Начиная с такого числа кампаний массовое действие просит ввести их число, прежде чем начаться. Завершение всегда просит ввести число, если кампаний больше одной, что бы здесь ни было указано.</translation>
    </message>
    <message>
        <source>Problem with the account</source>
        <translation>Проблема с аккаунтом</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Красный</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Оранжевый</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Жёлтый</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Зелёный</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>Бирюзовый</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Синий</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Фиолетовый</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Серый</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>Добавить аккаунт</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>Изменить аккаунт</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in a file.</source>
        <translation>Хранится в системном хранилище ключей, никогда в файле.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Hide token</source>
        <translation>Скрыть токен</translation>
    </message>
    <message>
        <source>Other colour (%1)</source>
        <translation>Другой цвет (%1)</translation>
    </message>
    <message>
        <source>Reading the token from the system keychain…</source>
        <translation>Чтение токена из системного хранилища ключей…</translation>
    </message>
    <message>
        <source>Enter the address of your Altcraft, for example ru.altkraft.com.</source>
        <translation>Введите адрес вашего Altcraft, например ru.altkraft.com.</translation>
    </message>
    <message>
        <source>Requests go to %1</source>
        <translation>Запросы идут на %1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>The token was removed from the keychain.</source>
        <translation>Токен удалён из хранилища ключей.</translation>
    </message>
    <message>
        <source>Another account is already called “%1”. Choose another name.</source>
        <translation>Другой аккаунт уже называется «%1». Выберите другое название.</translation>
    </message>
    <message>
        <source>No keychain available</source>
        <translation>Хранилище ключей недоступно</translation>
    </message>
    <message>
        <source>%1

Campaign Manager never writes the token to a file. You can use it for this session only; you will be asked for it again next time.</source>
        <translation>%1

Campaign Manager никогда не записывает токен в файл. Его можно использовать только в этом сеансе; в следующий раз он будет запрошен снова.</translation>
    </message>
    <message>
        <source>Use for This Session Only</source>
        <translation>Использовать только в этом сеансе</translation>
    </message>
</context>
<context>
    <name>AccountLabel</name>
    <message>
        <source>In account: %1</source>
        <translation>В аккаунте: %1</translation>
    </message>
    <message>
        <source>In account: %1 (%2)</source>
        <translation>В аккаунте: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>AccountListModel</name>
    <message>
        <source>%1 — %2</source>
        <comment>account name — environment</comment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message>
        <source>The demo account cannot be changed.</source>
        <translation>Демо-аккаунт нельзя изменить.</translation>
    </message>
    <message>
        <source>The account has no id.</source>
        <translation>У аккаунта нет идентификатора.</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Дайте аккаунту имя.</translation>
    </message>
    <message>
        <source>Enter the account&apos;s API address.</source>
        <translation>Введите адрес API аккаунта.</translation>
    </message>
    <message>
        <source>Another account is already called &quot;%1&quot;.</source>
        <translation>Другой аккаунт уже называется «%1».</translation>
    </message>
    <message>
        <source>An account with this id exists already.</source>
        <translation>Аккаунт с таким идентификатором уже есть.</translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation>Этого аккаунта больше нет.</translation>
    </message>
    <message>
        <source>The demo account cannot be removed.</source>
        <translation>Демо-аккаунт нельзя удалить.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (копия)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (копия %2)</translation>
    </message>
</context>
<context>
    <name>AccountsCommand</name>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Среда</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Адрес API</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Только чтение</translation>
    </message>
    <message numerus="yes">
        <source>%n saved account(s)</source>
        <translation>
            <numerusform>%n сохранённая учётная запись</numerusform>
            <numerusform>%n сохранённые учётные записи</numerusform>
            <numerusform>%n сохранённых учётных записей</numerusform>
        </translation>
    </message>
    <message>
        <source>No account is saved yet: add one in the window&apos;s Settings.</source>
        <translation>Ни одной учётной записи ещё не сохранено: добавьте её в настройках окна.</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>Права</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>No API token is saved for this account.</source>
        <translation>Для этой учётной записи не сохранён токен API.</translation>
    </message>
</context>
<context>
    <name>ActionCommand</name>
    <message>
        <source>%1 is marked read-only: nothing was sent.</source>
        <translation>%1 — учётная запись только для чтения: ничего не отправлено.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>До</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>After</source>
        <translation>После</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Would send</source>
        <translation>Будет отправлено</translation>
    </message>
    <message>
        <source>Not sent: the campaign could not be read: %1</source>
        <translation>Не отправлено: кампанию не удалось прочитать: %1</translation>
    </message>
    <message>
        <source>Already “%1”: nothing to send.</source>
        <translation>Уже «%1»: отправлять нечего.</translation>
    </message>
    <message>
        <source>Skipped: the campaign is “%1”.</source>
        <translation>Пропущено: кампания в статусе «%1».</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %n request(s) would be sent (each body also carries the token); nothing was sent.</source>
        <translation>
            <numerusform>Пробный запуск: был бы отправлен %n запрос (в каждом теле также есть токен); ничего не отправлено.</numerusform>
            <numerusform>Пробный запуск: были бы отправлены %n запроса (в каждом теле также есть токен); ничего не отправлено.</numerusform>
            <numerusform>Пробный запуск: было бы отправлено %n запросов (в каждом теле также есть токен); ничего не отправлено.</numerusform>
        </translation>
    </message>
    <message>
        <source>To complete them, add --confirm-count %1.</source>
        <translation>Чтобы завершить их, добавьте --confirm-count %1.</translation>
    </message>
    <message numerus="yes">
        <source>--confirm-count %1 does not match the %n eligible campaign(s): nothing was sent.</source>
        <translation>
            <numerusform>--confirm-count %1 не совпадает с числом подходящих кампаний (%n): ничего не отправлено.</numerusform>
            <numerusform>--confirm-count %1 не совпадает с числом подходящих кампаний (%n): ничего не отправлено.</numerusform>
            <numerusform>--confirm-count %1 не совпадает с числом подходящих кампаний (%n): ничего не отправлено.</numerusform>
        </translation>
    </message>
    <message>
        <source>Completing cannot be undone: add --confirm-count %1 (the number of eligible campaigns) to complete them. Nothing was sent.</source>
        <translation>Завершение нельзя отменить: чтобы завершить кампании, добавьте --confirm-count %1 (число подходящих кампаний). Ничего не отправлено.</translation>
    </message>
    <message>
        <source>Nothing to send.</source>
        <translation>Отправлять нечего.</translation>
    </message>
    <message>
        <source>History is unavailable, so nothing was sent: %1</source>
        <translation>История недоступна, поэтому ничего не отправлено: %1</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>Готово %1 из %2</translation>
    </message>
    <message>
        <source>The action could not start.</source>
        <translation>Действие не удалось начать.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n: ошибка</numerusform>
            <numerusform>%n: ошибка</numerusform>
            <numerusform>%n: ошибка</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not in effect</source>
        <translation>
            <numerusform>%n: не вступило в силу</numerusform>
            <numerusform>%n: не вступило в силу</numerusform>
            <numerusform>%n: не вступило в силу</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation>
            <numerusform>%n: результат неизвестен</numerusform>
            <numerusform>%n: результат неизвестен</numerusform>
            <numerusform>%n: результат неизвестен</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n: не отправлено</numerusform>
            <numerusform>%n: не отправлено</numerusform>
            <numerusform>%n: не отправлено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already done</source>
        <translation>
            <numerusform>%n уже в нужном статусе</numerusform>
            <numerusform>%n уже в нужном статусе</numerusform>
            <numerusform>%n уже в нужном статусе</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n пропущена</numerusform>
            <numerusform>%n пропущены</numerusform>
            <numerusform>%n пропущено</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the status of the unknown ones before trying again: campaign-manager-cli status …</source>
        <translation>Прежде чем повторять, проверьте статус кампаний с неизвестным итогом: campaign-manager-cli status …</translation>
    </message>
    <message numerus="yes">
        <source>Nothing to send: %n campaign(s) already done.</source>
        <translation>
            <numerusform>Отправлять нечего: %n кампания уже в нужном статусе.</numerusform>
            <numerusform>Отправлять нечего: %n кампании уже в нужном статусе.</numerusform>
            <numerusform>Отправлять нечего: %n кампаний уже в нужном статусе.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping: nothing more is sent; waiting for the answers already on their way.</source>
        <translation>Остановка: больше ничего не отправляется; ждём ответов на уже отправленные запросы.</translation>
    </message>
</context>
<context>
    <name>ActionEligibility</name>
    <message>
        <source>only inactive campaigns can be activated</source>
        <translation>активировать можно только неактивные кампании</translation>
    </message>
    <message>
        <source>only active campaigns and those awaiting activation can be deactivated</source>
        <translation>деактивировать можно только активные кампании и кампании, ожидающие активации</translation>
    </message>
    <message>
        <source>completed, deleted and cloning campaigns cannot be completed</source>
        <translation>завершённые, удалённые и клонируемые кампании завершить нельзя</translation>
    </message>
    <message numerus="yes">
        <source>%n skipped: %1</source>
        <translation>
            <numerusform>Пропущена %n кампания: %1</numerusform>
            <numerusform>Пропущены %n кампании: %1</numerusform>
            <numerusform>Пропущено %n кампаний: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped: a request for them is still running</source>
        <translation>
            <numerusform>Пропущена %n кампания: по ней ещё выполняется запрос</numerusform>
            <numerusform>Пропущены %n кампании: по ним ещё выполняются запросы</numerusform>
            <numerusform>Пропущено %n кампаний: по ним ещё выполняются запросы</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityMessage</name>
    <message>
        <source>Campaign %1</source>
        <translation>Кампания %1</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>Кампания «%1»</translation>
    </message>
    <message>
        <source>%1 was started by %2</source>
        <translation>%1 запущена пользователем %2</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 запущена</translation>
    </message>
    <message>
        <source>%1 was paused by %2</source>
        <translation>%1 приостановлена пользователем %2</translation>
    </message>
    <message>
        <source>%1 was paused</source>
        <translation>%1 приостановлена</translation>
    </message>
    <message>
        <source>%1 was scheduled to start by %2</source>
        <translation>%2 запланировал запуск: %1</translation>
    </message>
    <message>
        <source>%1 is waiting to start</source>
        <translation>%1 ожидает запуска</translation>
    </message>
    <message>
        <source>%1 was completed by %2</source>
        <translation>%1 завершена пользователем %2</translation>
    </message>
    <message>
        <source>%1 was completed</source>
        <translation>%1 завершена</translation>
    </message>
    <message>
        <source>%1 was deleted by %2</source>
        <translation>%1 удалена пользователем %2</translation>
    </message>
    <message>
        <source>%1 was deleted</source>
        <translation>%1 удалена</translation>
    </message>
    <message>
        <source>%1 is now “%2”, changed by %3</source>
        <translation>%1 теперь в статусе «%2», изменил %3</translation>
    </message>
    <message>
        <source>%1 is now “%2”</source>
        <translation>%1 теперь в статусе «%2»</translation>
    </message>
    <message>
        <source>%1 went from “%2” to “%3”: changed by %4, not from this computer.</source>
        <translation>%1: статус «%2» сменился на «%3». Изменил %4, не с этого компьютера.</translation>
    </message>
    <message>
        <source>%1 went from “%2” to “%3”: changed by someone else, not from this computer.</source>
        <translation>%1: статус «%2» сменился на «%3». Изменил кто-то другой, не с этого компьютера.</translation>
    </message>
    <message>
        <source>%1 went from “%2” to “%3”: changed from this computer.</source>
        <translation>%1: статус «%2» сменился на «%3». Изменено с этого компьютера.</translation>
    </message>
    <message>
        <source>%1 went from “%2” to “%3”: the server carried out a schedule set from this computer.</source>
        <translation>%1: статус «%2» сменился на «%3». Сервер выполнил расписание, заданное с этого компьютера.</translation>
    </message>
    <message>
        <source>%1 went from “%2” to “%3”.</source>
        <translation>%1: статус «%2» сменился на «%3».</translation>
    </message>
    <message numerus="yes">
        <source>%1 has been cloning for %n minute(s).</source>
        <translation>
            <numerusform>%1 клонируется уже %n минуту.</numerusform>
            <numerusform>%1 клонируется уже %n минуты.</numerusform>
            <numerusform>%1 клонируется уже %n минут.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has been cloning since %2.</source>
        <translation>%1 клонируется с %2.</translation>
    </message>
    <message>
        <source>%1 has been cloning for longer than expected.</source>
        <translation>%1 клонируется дольше, чем ожидалось.</translation>
    </message>
    <message>
        <source>New campaign: %1</source>
        <translation>Новое в аккаунте: %1</translation>
    </message>
    <message>
        <source>%1 has not started yet</source>
        <translation>%1 всё ещё не запущена</translation>
    </message>
    <message>
        <source>%1 is stuck cloning</source>
        <translation>%1 зависла при клонировании</translation>
    </message>
    <message>
        <source>The server of %1 is not answering</source>
        <translation>Сервер аккаунта %1 не отвечает</translation>
    </message>
    <message>
        <source>The server of %1 answers again</source>
        <translation>Сервер аккаунта %1 снова отвечает</translation>
    </message>
    <message>
        <source>%1 appeared in the account.</source>
        <translation>%1 появилась в аккаунте.</translation>
    </message>
    <message>
        <source>%1 appeared in the account, with the status “%2”.</source>
        <translation>%1 появилась в аккаунте со статусом «%2».</translation>
    </message>
    <message>
        <source>%1 is still waiting: it was to start at %2.</source>
        <translation>%1 всё ещё ожидает активации, хотя должна была запуститься в %2.</translation>
    </message>
    <message>
        <source>%1 is still waiting past the start asked for.</source>
        <translation>%1 всё ещё ожидает активации, хотя заданное время запуска прошло.</translation>
    </message>
    <message>
        <source>The server of %1 stopped answering.</source>
        <translation>Сервер аккаунта %1 перестал отвечать.</translation>
    </message>
    <message>
        <source>The server of %1 stopped answering: %2</source>
        <translation>Сервер аккаунта %1 перестал отвечать: %2</translation>
    </message>
    <message>
        <source>The server of %1 answers again.</source>
        <translation>Сервер аккаунта %1 снова отвечает.</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Кто-то другой</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Этот компьютер</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
</context>
<context>
    <name>ActivityPane</name>
    <message>
        <source>Activity</source>
        <translation>Активность</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Аккаунт:</translation>
    </message>
    <message>
        <source>Filter activity by account</source>
        <translation>Фильтр активности по аккаунту</translation>
    </message>
    <message>
        <source>Clear the activity log</source>
        <translation>Очистить журнал активности</translation>
    </message>
    <message>
        <source>C&amp;lear…</source>
        <translation>&amp;Очистить…</translation>
    </message>
    <message>
        <source>Nothing has changed since you started watching.</source>
        <translation>С начала наблюдения ничего не изменилось.</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Журнал активности</translation>
    </message>
    <message>
        <source>Select all activity</source>
        <translation>Выделить всю активность</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Все аккаунты</translation>
    </message>
    <message>
        <source>Remove every entry of the Activity log, for all accounts? This cannot be undone.</source>
        <translation>Удалить все записи журнала активности по всем аккаунтам? Это нельзя отменить.</translation>
    </message>
    <message>
        <source>Remove the Activity log&apos;s entries for the account “%1”? This cannot be undone.</source>
        <translation>Удалить записи журнала активности аккаунта «%1»? Это нельзя отменить.</translation>
    </message>
    <message>
        <source>Clear Activity</source>
        <translation>Очистка активности</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>The Activity log could not be cleared.</source>
        <translation>Не удалось очистить журнал активности.</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Аккаунт</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Кто изменил</translation>
    </message>
</context>
<context>
    <name>AddByIdDialog</name>
    <message>
        <source>Add campaigns by ID</source>
        <translation>Добавить кампании по ID</translation>
    </message>
    <message>
        <source>Paste or type campaign IDs, separated by commas, spaces or new lines. Ranges like 20-25 work too. Use this when your token cannot list campaigns: it can still read their statuses.</source>
        <translation>Вставьте или введите ID кампаний через запятую, пробел или с новой строки. Можно указывать и диапазоны, например 20-25. Используйте этот способ, если ваш токен не может получать список кампаний: читать их статусы он всё равно может.</translation>
    </message>
    <message>
        <source>Campaign IDs</source>
        <translation>ID кампаний</translation>
    </message>
    <message>
        <source>18, 19 20-25</source>
        <translation>18, 19 20-25</translation>
    </message>
    <message>
        <source>Input check</source>
        <translation>Проверка ввода</translation>
    </message>
    <message>
        <source>Add campaigns</source>
        <translation>Добавить кампании</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) will be added.</source>
        <translation>
            <numerusform>Будет добавлена %n кампания.</numerusform>
            <numerusform>Будут добавлены %n кампании.</numerusform>
            <numerusform>Будет добавлено %n кампаний.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) ignored.</source>
        <translation>
            <numerusform>Пропущен %n повторяющийся ID.</numerusform>
            <numerusform>Пропущены %n повторяющихся ID.</numerusform>
            <numerusform>Пропущено %n повторяющихся ID.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source> The server said: “%1”.</source>
        <translation> Ответ сервера: «%1».</translation>
    </message>
    <message>
        <source>Cannot connect to the Altcraft server. Check the API URL in Settings and your network connection.</source>
        <translation>Не удалось подключиться к серверу Altcraft. Проверьте API URL в настройках и подключение к сети.</translation>
    </message>
    <message>
        <source>The secure connection to the server failed: its certificate is not trusted. Check the API URL, or ask your administrator about the certificate.</source>
        <translation>Не удалось установить защищённое соединение с сервером: его сертификат не является доверенным. Проверьте API URL или обратитесь к администратору по поводу сертификата.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again later, or raise the request timeout in Settings.</source>
        <translation>Сервер не ответил вовремя. Повторите попытку позже или увеличьте тайм-аут запроса в настройках.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Запрос отменён.</translation>
    </message>
    <message>
        <source>The server redirected the request to another address. It was not followed, so your token stayed safe. Check the API URL in Settings.</source>
        <translation>Сервер перенаправил запрос на другой адрес. Перенаправление не выполнено, поэтому ваш токен в безопасности. Проверьте API URL в настройках.</translation>
    </message>
    <message>
        <source>The connection closed before the server answered. Check the campaign&apos;s status before trying again.</source>
        <translation>Соединение закрылось до ответа сервера. Прежде чем повторять попытку, проверьте статус кампании.</translation>
    </message>
    <message>
        <source>The server is limiting the request rate. Wait a little and try again.</source>
        <translation>Сервер ограничивает частоту запросов. Подождите немного и повторите попытку.</translation>
    </message>
    <message>
        <source>The Altcraft server is temporarily unavailable. Try again in a few minutes.</source>
        <translation>Сервер Altcraft временно недоступен. Повторите попытку через несколько минут.</translation>
    </message>
    <message>
        <source>The Altcraft server had an internal error (HTTP %1). Check the campaign&apos;s status before trying again.</source>
        <translation>Внутренняя ошибка сервера Altcraft (HTTP %1). Прежде чем повторять попытку, проверьте статус кампании.</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1. Check the API URL in Settings.</source>
        <translation>Сервер ответил с кодом HTTP %1. Проверьте API URL в настройках.</translation>
    </message>
    <message>
        <source>The API token was not accepted. Check the API token in Settings.</source>
        <translation>API-токен не принят. Проверьте API-токен в настройках.</translation>
    </message>
    <message>
        <source>Your Altcraft tariff limit has been reached. Contact your account manager.</source>
        <translation>Достигнут лимит вашего тарифа Altcraft. Обратитесь к своему менеджеру Altcraft.</translation>
    </message>
    <message>
        <source>This API token has no access to this action or campaign. Ask an Altcraft administrator for the right role or object group.</source>
        <translation>У этого API-токена нет доступа к этому действию или кампании. Попросите администратора Altcraft выдать нужную роль или группу объектов.</translation>
    </message>
    <message>
        <source>The server reported error %1.</source>
        <translation>Сервер сообщил об ошибке %1.</translation>
    </message>
    <message>
        <source>The server reported an error: %1 (code %2).</source>
        <translation>Сервер сообщил об ошибке: %1 (код %2).</translation>
    </message>
    <message>
        <source>The server sent a response that is not a valid Altcraft API answer. Check that the API URL points to Altcraft.</source>
        <translation>Сервер прислал ответ, который не является корректным ответом Altcraft API. Проверьте, что API URL указывает на Altcraft.</translation>
    </message>
    <message>
        <source>The request could not be made. Check the API URL in Settings.</source>
        <translation>Не удалось отправить запрос. Проверьте API URL в настройках.</translation>
    </message>
    <message>
        <source>The server rejected the request as incorrect. Refresh to see the campaign&apos;s current status, then try again.</source>
        <translation>Сервер отклонил запрос как некорректный. Обновите список, чтобы увидеть текущий статус кампании, и повторите попытку.</translation>
    </message>
    <message>
        <source> Try again; if the error persists, show the details to your Altcraft administrator.</source>
        <translation> Повторите попытку; если ошибка не исчезнет, покажите подробности администратору Altcraft.</translation>
    </message>
    <message>
        <source>The server sent a response that is too large to process. Narrow the list with a filter, or check that the API URL points to Altcraft.</source>
        <translation>Ответ сервера слишком большой для обработки. Сузьте список с помощью фильтра или проверьте, что API URL указывает на Altcraft.</translation>
    </message>
    <message>
        <source>The server sent a response that is too large to process. Check that the API URL points to Altcraft.</source>
        <translation>Сервер прислал слишком большой ответ, его не удаётся обработать. Проверьте, что адрес API указывает на Altcraft.</translation>
    </message>
    <message>
        <source>The server listed more than %L1 campaigns, so loading stopped there: the table shows the first %L1. Check that the API URL points to Altcraft.</source>
        <translation>Сервер перечислил больше %L1 кампаний, поэтому загрузка на этом остановлена: в таблице первые %L1. Проверьте, что адрес API указывает на Altcraft.</translation>
    </message>
    <message>
        <source>This account is read-only, so nothing was sent. Its owner can change that in Settings, under Accounts.</source>
        <translation>Этот аккаунт только для чтения, поэтому ничего не отправлено. Его владелец может изменить это в настройках, в разделе «Аккаунты».</translation>
    </message>
</context>
<context>
    <name>ApiUrl</name>
    <message>
        <source>Enter the API URL, for example https://ru.altkraft.com/.</source>
        <translation>Введите API URL, например https://ru.altkraft.com/.</translation>
    </message>
    <message>
        <source>The API URL must not contain spaces. Check it for typing mistakes.</source>
        <translation>API URL не должен содержать пробелов. Проверьте, нет ли в нём опечаток.</translation>
    </message>
    <message>
        <source>The API URL is malformed: write it as https://host/, for example https://ru.altkraft.com/.</source>
        <translation>Неверный формат API URL: укажите его в виде https://host/, например https://ru.altkraft.com/.</translation>
    </message>
    <message>
        <source>The API URL must start with https:// (“%1:” is not supported).</source>
        <translation>API URL должен начинаться с https:// (схема «%1:» не поддерживается).</translation>
    </message>
    <message>
        <source>The API URL must start with https:// (“%1://” is not supported).</source>
        <translation>API URL должен начинаться с https:// (схема «%1://» не поддерживается).</translation>
    </message>
    <message>
        <source>Remove the user name and password from the API URL. Credentials never go in a URL: enter the API token in its own field.</source>
        <translation>Удалите имя пользователя и пароль из API URL. Учётные данные нельзя указывать в URL: введите API-токен в отдельном поле.</translation>
    </message>
    <message>
        <source>The API URL has an incomplete IPv6 address: a “]” is missing.</source>
        <translation>В API URL неполный IPv6-адрес: не хватает «]».</translation>
    </message>
    <message>
        <source>The API URL is not valid: unexpected text after the IPv6 address.</source>
        <translation>Недопустимый API URL: лишний текст после IPv6-адреса.</translation>
    </message>
    <message>
        <source>The API URL has no host name. Enter it like https://ru.altkraft.com/.</source>
        <translation>В API URL нет имени хоста. Введите его в виде https://ru.altkraft.com/.</translation>
    </message>
    <message>
        <source>The port “%1” in the API URL is not valid: it must be a number from 1 to 65535.</source>
        <translation>Недопустимый порт «%1» в API URL: это должно быть число от 1 до 65535.</translation>
    </message>
    <message>
        <source>The API URL is not valid (%1). Check it for typing mistakes.</source>
        <translation>Недопустимый API URL (%1). Проверьте, нет ли в нём опечаток.</translation>
    </message>
    <message>
        <source>Remove the part after “?” or “#” from the API URL: it must be the address of the site only.</source>
        <translation>Удалите из API URL часть после «?» или «#»: нужен только адрес сайта.</translation>
    </message>
    <message>
        <source>Use https:// for the API URL: the token must not travel unencrypted. Only a local test server (localhost) may use http://.</source>
        <translation>Используйте в API URL https://: токен нельзя передавать без шифрования. http:// допускается только для локального тестового сервера (localhost).</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Try &apos;campaign-manager --help&apos;.</source>
        <translation>Справка: «campaign-manager --help».</translation>
    </message>
    <message>
        <source>History unavailable</source>
        <translation>История недоступна</translation>
    </message>
    <message>
        <source>%1

Actions still work, but they are not recorded.</source>
        <translation>%1

Действия по-прежнему выполняются, но не записываются в историю.</translation>
    </message>
    <message>
        <source>No API token is saved for %1. Enter the token to see its campaigns; it is kept in the system keychain.</source>
        <translation>Для %1 не сохранён API-токен. Введите токен, чтобы увидеть кампании; он хранится в системном хранилище паролей.</translation>
    </message>
    <message>
        <source>%1

Enter the token here; you can use it for this session only.</source>
        <translation>%1

Введите токен здесь; его можно использовать только в этом сеансе.</translation>
    </message>
    <message>
        <source>The token is kept for this session only.</source>
        <translation>Токен сохранён только на этот сеанс.</translation>
    </message>
    <message>
        <source>No account is called &quot;%1&quot;.</source>
        <translation>Нет аккаунта с названием «%1».</translation>
    </message>
    <message>
        <source>No account is saved yet: add one in Settings.</source>
        <translation>Ни один аккаунт ещё не сохранён: добавьте его в настройках.</translation>
    </message>
    <message>
        <source>Accounts: %1</source>
        <translation>Аккаунты: %1</translation>
    </message>
    <message>
        <source>Add the address of your Altcraft account and an API token to see your campaigns.</source>
        <translation>Добавьте адрес вашего аккаунта Altcraft и токен API, чтобы увидеть свои кампании.</translation>
    </message>
    <message>
        <source>Cannot switch accounts now</source>
        <translation>Сейчас нельзя сменить аккаунт</translation>
    </message>
    <message>
        <source>An action is running in %1. Switch once it has finished, or cancel it first.</source>
        <translation>В аккаунте %1 выполняется действие. Смените аккаунт, когда оно закончится, или сначала отмените его.</translation>
    </message>
    <message>
        <source>No API token was given for %1: set ALTCRAFT_API_TOKEN, or save the address as an account with its token.</source>
        <translation>Для %1 не указан токен API: задайте ALTCRAFT_API_TOKEN или сохраните адрес как аккаунт с его токеном.</translation>
    </message>
    <message>
        <source>Settings saved. The demo keeps using the emulator; start without --demo to use your accounts.</source>
        <translation>Настройки сохранены. Демо по-прежнему работает с эмулятором; запустите программу без --demo, чтобы работать со своими аккаунтами.</translation>
    </message>
    <message>
        <source>campaign-manager: %1</source>
        <translation>campaign-manager: %1</translation>
    </message>
    <message>
        <source>The demo cannot start</source>
        <translation>Демо не может запуститься</translation>
    </message>
    <message>
        <source>The demo could not make its temporary directory in %1: %2

Actions still work, but they are not recorded.</source>
        <translation>Демо не смогло создать свой временный каталог в %1: %2

Действия по-прежнему работают, но не записываются.</translation>
    </message>
</context>
<context>
    <name>BulkItemResult</name>
    <message>
        <source>the server answered that it was done, but the change did not take effect</source>
        <translation>сервер ответил, что всё выполнено, но изменение не вступило в силу</translation>
    </message>
    <message>
        <source>the server had an internal error (HTTP %1)</source>
        <translation>на сервере произошла внутренняя ошибка (HTTP %1)</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>сервер не ответил вовремя</translation>
    </message>
    <message>
        <source>the connection closed before the server answered</source>
        <translation>соединение закрылось раньше, чем сервер ответил</translation>
    </message>
    <message>
        <source>the server&apos;s answer could not be read</source>
        <translation>ответ сервера не удалось прочитать</translation>
    </message>
    <message>
        <source>the server redirected the request, and a change is never sent on to another address</source>
        <translation>сервер перенаправил запрос, а изменения никогда не пересылаются по другому адресу</translation>
    </message>
    <message>
        <source>you cancelled the request while it was on its way</source>
        <translation>вы отменили запрос, когда он уже был отправлен</translation>
    </message>
    <message>
        <source>the server rejected the request</source>
        <translation>сервер отклонил запрос</translation>
    </message>
    <message>
        <source>the request failed</source>
        <translation>запрос не удался</translation>
    </message>
    <message>
        <source>Outcome unknown: %1, and the campaign&apos;s status could not be read afterwards. Check the campaign in Altcraft before trying again.</source>
        <translation>Результат неизвестен: %1, а статус кампании потом прочитать не удалось. Проверьте кампанию в Altcraft, прежде чем повторять.</translation>
    </message>
    <message>
        <source>Not sent: the action was cancelled before this campaign&apos;s turn.</source>
        <translation>Не отправлено: действие отменили до того, как дошла очередь этой кампании.</translation>
    </message>
    <message>
        <source>Done: the status read back after the request is “%1”, although %2.</source>
        <translation>Выполнено: статус, прочитанный после запроса, — «%1», хотя %2.</translation>
    </message>
    <message>
        <source>%1 The campaign is “%2” (checked after the request).</source>
        <translation>%1 Статус кампании — «%2» (проверено после запроса).</translation>
    </message>
</context>
<context>
    <name>BulkResultsDialog</name>
    <message>
        <source>Action details</source>
        <translation>Подробности действия</translation>
    </message>
    <message>
        <source>Outcome of each campaign</source>
        <translation>Результат по каждой кампании</translation>
    </message>
    <message>
        <source>Select all results</source>
        <translation>Выбрать все результаты</translation>
    </message>
</context>
<context>
    <name>BulkResultsModel</name>
    <message>
        <source>Done (confirmed by re-reading the status)</source>
        <translation>Выполнено (подтверждено повторной проверкой статуса)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Результат неизвестен</translation>
    </message>
    <message>
        <source>Not sent (cancelled)</source>
        <translation>Не отправлено (отменено)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>Текущий статус</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Not in effect</source>
        <translation>Не вступило в силу</translation>
    </message>
</context>
<context>
    <name>CampaignActions</name>
    <message>
        <source>Deactivate</source>
        <translation>Деактивировать</translation>
    </message>
    <message>
        <source>Deactivating…</source>
        <translation>Деактивация…</translation>
    </message>
    <message numerus="yes">
        <source>%n deactivated</source>
        <translation>
            <numerusform>Деактивировано: %n</numerusform>
            <numerusform>Деактивировано: %n</numerusform>
            <numerusform>Деактивировано: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign %1 was not deactivated</source>
        <translation>Кампания %1 не деактивирована</translation>
    </message>
    <message>
        <source>Outcome of the deactivation unknown</source>
        <translation>Результат деактивации неизвестен</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Активировать</translation>
    </message>
    <message>
        <source>Activating…</source>
        <translation>Активация…</translation>
    </message>
    <message numerus="yes">
        <source>%n activated</source>
        <translation>
            <numerusform>Активировано: %n</numerusform>
            <numerusform>Активировано: %n</numerusform>
            <numerusform>Активировано: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign %1 was not activated</source>
        <translation>Кампания %1 не активирована</translation>
    </message>
    <message>
        <source>Outcome of the activation unknown</source>
        <translation>Результат активации неизвестен</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <source>Completing…</source>
        <translation>Завершение…</translation>
    </message>
    <message numerus="yes">
        <source>%n completed</source>
        <translation>
            <numerusform>Завершено: %n</numerusform>
            <numerusform>Завершено: %n</numerusform>
            <numerusform>Завершено: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign %1 was not completed</source>
        <translation>Кампания %1 не завершена</translation>
    </message>
    <message>
        <source>Outcome of the completion unknown</source>
        <translation>Результат завершения неизвестен</translation>
    </message>
    <message>
        <source>Not deactivated: %1; the campaign is still “%2” (checked after the request).</source>
        <translation>Не деактивирована: %1; статус кампании по-прежнему «%2» (проверено после запроса).</translation>
    </message>
    <message>
        <source>Not deactivated: %1; the campaign is “%2” (checked after the request).</source>
        <translation>Не деактивирована: %1; статус кампании — «%2» (проверено после запроса).</translation>
    </message>
    <message>
        <source>Not activated: %1; the campaign is still “%2” (checked after the request).</source>
        <translation>Не активирована: %1; статус кампании по-прежнему «%2» (проверено после запроса).</translation>
    </message>
    <message>
        <source>Not activated: %1; the campaign is “%2” (checked after the request).</source>
        <translation>Не активирована: %1; статус кампании — «%2» (проверено после запроса).</translation>
    </message>
    <message>
        <source>Not completed: %1; the campaign is still “%2” (checked after the request).</source>
        <translation>Не завершена: %1; статус кампании по-прежнему «%2» (проверено после запроса).</translation>
    </message>
    <message>
        <source>Not completed: %1; the campaign is “%2” (checked after the request).</source>
        <translation>Не завершена: %1; статус кампании — «%2» (проверено после запроса).</translation>
    </message>
    <message numerus="yes">
        <source>Deactivate %n campaign(s)?</source>
        <translation>
            <numerusform>Деактивировать %n кампанию?</numerusform>
            <numerusform>Деактивировать %n кампании?</numerusform>
            <numerusform>Деактивировать %n кампаний?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deactivate %n campaign(s)</source>
        <translation>
            <numerusform>Деактивировать %n кампанию</numerusform>
            <numerusform>Деактивировать %n кампании</numerusform>
            <numerusform>Деактивировать %n кампаний</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending stops until the campaigns are activated again; Undo activates them right after.</source>
        <translation>Рассылка остановится, пока кампании не будут снова активированы; «Отменить» сразу активирует их обратно.</translation>
    </message>
    <message numerus="yes">
        <source>Activate %n campaign(s)?</source>
        <translation>
            <numerusform>Активировать %n кампанию?</numerusform>
            <numerusform>Активировать %n кампании?</numerusform>
            <numerusform>Активировать %n кампаний?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Activate %n campaign(s)</source>
        <translation>
            <numerusform>Активировать %n кампанию</numerusform>
            <numerusform>Активировать %n кампании</numerusform>
            <numerusform>Активировать %n кампаний</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending starts again, to real recipients, as soon as the server starts the campaigns.</source>
        <translation>Рассылка реальным получателям возобновится, как только сервер запустит кампании.</translation>
    </message>
    <message numerus="yes">
        <source>Complete %n campaign(s)?</source>
        <translation>
            <numerusform>Завершить %n кампанию?</numerusform>
            <numerusform>Завершить %n кампании?</numerusform>
            <numerusform>Завершить %n кампаний?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Complete %n campaign(s)</source>
        <translation>
            <numerusform>Завершить %n кампанию</numerusform>
            <numerusform>Завершить %n кампании</numerusform>
            <numerusform>Завершить %n кампаний</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending stops at once, every nested mailing and scenario becomes inactive, and a completed campaign can never be restarted. This cannot be undone.</source>
        <translation>Рассылка сразу остановится, все вложенные рассылки и сценарии станут неактивными, а завершённую кампанию уже никогда не запустить снова. Это действие нельзя отменить.</translation>
    </message>
</context>
<context>
    <name>CampaignFacetModel</name>
    <message numerus="yes">
        <source>Tag %1: %n campaign(s)</source>
        <translation>
            <numerusform>Тег %1: %n кампания</numerusform>
            <numerusform>Тег %1: %n кампании</numerusform>
            <numerusform>Тег %1: %n кампаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Group %1: %n campaign(s)</source>
        <translation>
            <numerusform>Группа %1: %n кампания</numerusform>
            <numerusform>Группа %1: %n кампании</numerusform>
            <numerusform>Группа %1: %n кампаний</numerusform>
        </translation>
    </message>
    <message>
        <source>(empty tag)</source>
        <translation>(пустой тег)</translation>
    </message>
    <message>
        <source>%1 (ID %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
</context>
<context>
    <name>CampaignIdParser</name>
    <message>
        <source>&apos;%1&apos; is not a campaign ID or a range like 20-25</source>
        <translation>«%1» — это не ID кампании и не диапазон вида 20-25</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a reversed range: write %2-%3</source>
        <translation>«%1» — обратный диапазон: напишите %2-%3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds more than %2 IDs</source>
        <translation>«%1» содержит больше %2 ID</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a campaign ID</source>
        <translation>«%1» — это не ID кампании</translation>
    </message>
    <message>
        <source>At most %1 campaigns can be added at once</source>
        <translation>За один раз можно добавить не более %1 кампаний</translation>
    </message>
</context>
<context>
    <name>CampaignService</name>
    <message>
        <source>Campaign %1: %2</source>
        <translation>Кампания %1: %2</translation>
    </message>
</context>
<context>
    <name>CampaignTableModel</name>
    <message>
        <source>Campaign %1, %2, %3</source>
        <translation>Кампания %1, %2, %3</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Изменена</translation>
    </message>
    <message>
        <source>Updated by</source>
        <translation>Кем изменена</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Watched</source>
        <translation>Отслеживается</translation>
    </message>
    <message>
        <source>Not watched</source>
        <translation>Не отслеживается</translation>
    </message>
    <message>
        <source>Watched: you are told when this campaign changes. Click to stop.</source>
        <translation>Отслеживается: вы узнаете, когда кампания изменится. Нажмите, чтобы перестать отслеживать.</translation>
    </message>
    <message>
        <source>Click to watch this campaign and be told when it changes.</source>
        <translation>Нажмите, чтобы отслеживать кампанию и узнавать о её изменениях.</translation>
    </message>
    <message>
        <source>Campaign %1, %2, %3, watched</source>
        <translation>Кампания %1, %2, %3, отслеживается</translation>
    </message>
    <message>
        <source>Watched campaigns are checked in the background; you are told when they change.</source>
        <translation>Отслеживаемые кампании проверяются в фоне; вы узнаете, когда они изменятся.</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создана</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Группы</translation>
    </message>
    <message>
        <source>One-off mailings</source>
        <translation>Разовые рассылки</translation>
    </message>
    <message>
        <source>Regular mailings</source>
        <translation>Регулярные рассылки</translation>
    </message>
    <message>
        <source>Trigger mailings</source>
        <translation>Триггерные рассылки</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Сценарии</translation>
    </message>
</context>
<context>
    <name>CliApp</name>
    <message>
        <source>Try &apos;campaign-manager-cli --help&apos;.</source>
        <translation>Справка: campaign-manager-cli --help</translation>
    </message>
</context>
<context>
    <name>CliCommandLine</name>
    <message>
        <source>Usage: %1 COMMAND [options]

Lists Altcraft campaigns and deactivates, activates or completes them, with the same safety rules and the same History as the Campaign Manager window.

Commands:
  list                 List campaigns (--status, --tag, --group, --search, --ids).
  status ID-SPEC       Read each campaign&apos;s status now.
  deactivate ID-SPEC   Pause campaigns.
  activate ID-SPEC     Activate campaigns, now or at --start.
  complete ID-SPEC     Complete campaigns (needs --confirm-count N; cannot be undone).
  history              Show the journal of actions.
  accounts [test [NAME]]  List saved accounts, or test an account&apos;s connection.

ID-SPEC: IDs and ranges such as &quot;18, 19 20-25&quot;; &quot;-&quot; reads them from standard input.
The API token comes from the keychain (--account NAME) or from ALTCRAFT_API_TOKEN, never from an argument.
Run &apos;%1 COMMAND --help&apos; for a command&apos;s options.
</source>
        <translation>Использование: %1 КОМАНДА [параметры]

Выводит кампании Altcraft, деактивирует, активирует и завершает их — по тем же правилам безопасности и с той же историей, что и окно Campaign Manager.

Команды:
  list                 Вывести кампании (--status, --tag, --group, --search, --ids).
  status ID-SPEC       Прочитать текущий статус каждой кампании.
  deactivate ID-SPEC   Приостановить кампании.
  activate ID-SPEC     Активировать кампании сейчас или в момент --start.
  complete ID-SPEC     Завершить кампании (нужен --confirm-count N; отменить нельзя).
  history              Показать журнал действий.
  accounts [test [NAME]]  Вывести сохранённые учётные записи или проверить подключение.

ID-SPEC: ID и диапазоны вида «18, 19 20-25»; «-» читает их со стандартного ввода.
Токен API берётся из связки ключей (--account NAME) или из ALTCRAFT_API_TOKEN, но никогда из аргументов.
Параметры команды: &apos;%1 КОМАНДА --help&apos;.
</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Команда не указана.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Неизвестная команда «%1».</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Показать эту справку.</translation>
    </message>
    <message>
        <source>Work in the saved account called NAME.</source>
        <translation>Работать в сохранённой учётной записи NAME.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Work at this API address, with the token from ALTCRAFT_API_TOKEN.</source>
        <translation>Работать с этим адресом API, с токеном из ALTCRAFT_API_TOKEN.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Print one JSON object per line.</source>
        <translation>Выводить по одному объекту JSON на строку.</translation>
    </message>
    <message>
        <source>Print CSV with a header line.</source>
        <translation>Выводить CSV со строкой заголовков.</translation>
    </message>
    <message>
        <source>Print an aligned table (the default on a terminal).</source>
        <translation>Выводить выровненную таблицу (по умолчанию в терминале).</translation>
    </message>
    <message>
        <source>Print what would be sent and send nothing.</source>
        <translation>Показать, что было бы отправлено, и ничего не отправлять.</translation>
    </message>
    <message>
        <source>Why: recorded in History with every action.</source>
        <translation>Причина: записывается в историю с каждым действием.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>Complete only when N is the number of eligible campaigns.</source>
        <translation>Завершать, только если N равно числу подходящих кампаний.</translation>
    </message>
    <message>
        <source>Activate at this date and time (ISO 8601).</source>
        <translation>Активировать в эти дату и время (ISO 8601).</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>Deactivate again at this date and time.</source>
        <translation>Снова деактивировать в эти дату и время.</translation>
    </message>
    <message>
        <source>Complete at this date and time.</source>
        <translation>Завершить в эти дату и время.</translation>
    </message>
    <message>
        <source>Only campaigns in this status (active, inactive, waiting, completed, …).</source>
        <translation>Только кампании в этом статусе (active, inactive, waiting, completed, …).</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>Only campaigns with this tag (repeatable).</source>
        <translation>Только кампании с этим тегом (можно повторять).</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>Only campaigns in this group (repeatable).</source>
        <translation>Только кампании из этой группы (можно повторять).</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>GROUP</translation>
    </message>
    <message>
        <source>Only campaigns whose name contains TEXT.</source>
        <translation>Только кампании, в названии которых есть TEXT.</translation>
    </message>
    <message>
        <source>Only these campaigns (an ID-SPEC).</source>
        <translation>Только эти кампании (ID-SPEC).</translation>
    </message>
    <message>
        <source>Only actions in the account NAME.</source>
        <translation>Только действия в учётной записи NAME.</translation>
    </message>
    <message>
        <source>Only actions on these campaigns (an ID-SPEC).</source>
        <translation>Только действия с этими кампаниями (ID-SPEC).</translation>
    </message>
    <message>
        <source>Only this action (deactivate, activate, complete).</source>
        <translation>Только это действие (deactivate, activate, complete).</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>Only actions from this date on.</source>
        <translation>Только действия начиная с этой даты.</translation>
    </message>
    <message>
        <source>At most N rows, newest first (default 100).</source>
        <translation>Не больше N строк, сначала новые (по умолчанию 100).</translation>
    </message>
    <message>
        <source>Lists the account&apos;s campaigns.</source>
        <translation>Выводит кампании учётной записи.</translation>
    </message>
    <message>
        <source>Reads each campaign&apos;s status from the server now.</source>
        <translation>Читает текущий статус каждой кампании с сервера.</translation>
    </message>
    <message>
        <source>Campaign IDs; &quot;-&quot; reads them from standard input.</source>
        <translation>ID кампаний; «-» читает их со стандартного ввода.</translation>
    </message>
    <message>
        <source>%1 the eligible campaigns among ID-SPEC; the others are skipped, with the reason. Every action is recorded in History before it is sent, and succeeds only when the status read back confirms it.</source>
        <translation>%1: подходящие кампании из ID-SPEC; остальные пропускаются с указанием причины. Каждое действие записывается в историю до отправки и считается успешным, только когда его подтверждает статус, прочитанный после.</translation>
    </message>
    <message>
        <source>Shows the journal of actions that the window&apos;s History shows.</source>
        <translation>Показывает журнал действий — тот же, что окно «История».</translation>
    </message>
    <message>
        <source>Lists the saved accounts; &quot;accounts test [NAME]&quot; tests an account&apos;s connection.</source>
        <translation>Выводит сохранённые учётные записи; «accounts test [NAME]» проверяет подключение учётной записи.</translation>
    </message>
    <message>
        <source>Test the connection of NAME.</source>
        <translation>Проверить подключение NAME.</translation>
    </message>
    <message>
        <source>Choose one of --json, --csv and --table.</source>
        <translation>Выберите что-то одно: --json, --csv или --table.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an API address.</source>
        <translation>«%1» — не адрес API.</translation>
    </message>
    <message>
        <source>Give either --account or --api-url, not both.</source>
        <translation>Укажите либо --account, либо --api-url, но не оба.</translation>
    </message>
    <message>
        <source>Say which account to work in: --account NAME, or --api-url URL with ALTCRAFT_API_TOKEN.</source>
        <translation>Укажите учётную запись: --account NAME или --api-url URL с ALTCRAFT_API_TOKEN.</translation>
    </message>
    <message>
        <source>accounts lists saved accounts; --api-url does not apply.</source>
        <translation>accounts выводит сохранённые учётные записи; --api-url здесь не применяется.</translation>
    </message>
    <message>
        <source>Say which campaigns: an ID-SPEC such as “18, 19 20-25”, or “-” for standard input.</source>
        <translation>Укажите кампании: ID-SPEC вида «18, 19 20-25» или «-» для стандартного ввода.</translation>
    </message>
    <message>
        <source>list takes no arguments; use --ids to name campaigns.</source>
        <translation>list не принимает аргументов; кампании задаются через --ids.</translation>
    </message>
    <message>
        <source>history takes no arguments.</source>
        <translation>history не принимает аргументов.</translation>
    </message>
    <message>
        <source>Use “accounts” or “accounts test [NAME]”.</source>
        <translation>Используйте «accounts» или «accounts test [NAME]».</translation>
    </message>
    <message>
        <source>--confirm-count needs a number, not &quot;%1&quot;.</source>
        <translation>--confirm-count ожидает число, а не «%1».</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not a date; use ISO 8601, e.g. 2026-12-08T09:00:00+03:00.</source>
        <translation>--%1: «%2» — не дата; используйте ISO 8601, например 2026-12-08T09:00:00+03:00.</translation>
    </message>
    <message>
        <source>--since: &quot;%1&quot; is not a date; use ISO 8601, e.g. 2026-12-01.</source>
        <translation>--since: «%1» — не дата; используйте ISO 8601, например 2026-12-01.</translation>
    </message>
    <message>
        <source>--limit needs a positive number, not &quot;%1&quot;.</source>
        <translation>--limit ожидает положительное число, а не «%1».</translation>
    </message>
</context>
<context>
    <name>CliSession</name>
    <message>
        <source>No account is called &quot;%1&quot;.</source>
        <translation>Учётной записи «%1» нет.</translation>
    </message>
    <message>
        <source>No account is saved yet: add one in the window&apos;s Settings.</source>
        <translation>Ни одной учётной записи ещё не сохранено: добавьте её в настройках окна.</translation>
    </message>
    <message>
        <source>Accounts: %1</source>
        <translation>Учётные записи: %1</translation>
    </message>
    <message>
        <source>The token of %1 could not be read from the keychain: %2</source>
        <translation>Токен %1 не удалось прочитать из связки ключей: %2</translation>
    </message>
    <message>
        <source>No API token for %1: set ALTCRAFT_API_TOKEN.</source>
        <translation>Нет токена API для %1: задайте ALTCRAFT_API_TOKEN.</translation>
    </message>
    <message>
        <source>No API token is saved for %1: save it in the window&apos;s Settings, or set ALTCRAFT_API_TOKEN.</source>
        <translation>Для %1 не сохранён токен API: сохраните его в настройках окна или задайте ALTCRAFT_API_TOKEN.</translation>
    </message>
    <message>
        <source>ALTCRAFT_API_TOKEN is ignored with --account: the token saved for %1 is used.</source>
        <translation>ALTCRAFT_API_TOKEN не используется с --account: берётся токен, сохранённый для %1.</translation>
    </message>
    <message>
        <source>No API token is saved for %1: save it in the window&apos;s Settings.</source>
        <translation>Для %1 не сохранён токен API: сохраните его в настройках окна.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Deactivate, activate and complete Altcraft campaigns.</source>
        <translation>Деактивация, активация и завершение кампаний Altcraft.</translation>
    </message>
    <message>
        <source>Try the app against a local Altcraft emulator with demo campaigns.</source>
        <translation>Запустить приложение с локальным эмулятором Altcraft и демонстрационными кампаниями.</translation>
    </message>
    <message>
        <source>Use this Altcraft API URL, e.g. https://ru.altkraft.com.</source>
        <translation>Использовать указанный API URL Altcraft, например https://ru.altkraft.com.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Print debug logging (never the token).</source>
        <translation>Выводить отладочный журнал (токен в него никогда не попадает).</translation>
    </message>
    <message>
        <source>The API token is read from the environment variable ALTCRAFT_API_TOKEN, never from the command line.</source>
        <translation>API-токен считывается из переменной окружения ALTCRAFT_API_TOKEN, но никогда — из командной строки.</translation>
    </message>
    <message>
        <source>The token is never taken from the command line: set ALTCRAFT_API_TOKEN, or enter it in Settings.</source>
        <translation>Токен нельзя передать в командной строке: задайте ALTCRAFT_API_TOKEN или введите токен в настройках.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Неожиданный аргумент: %1</translation>
    </message>
    <message>
        <source>--api-url: %1</source>
        <translation>--api-url: %1</translation>
    </message>
    <message>
        <source>Start in the saved account with this name (as Settings lists it).</source>
        <translation>Начать в сохранённом аккаунте с этим названием (как в списке настроек).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>название</translation>
    </message>
    <message>
        <source>--account: give the name of a saved account.</source>
        <translation>--account: укажите название сохранённого аккаунта.</translation>
    </message>
    <message>
        <source>Use either --account or --api-url, not both.</source>
        <translation>Укажите либо --account, либо --api-url, но не оба.</translation>
    </message>
</context>
<context>
    <name>ConfirmActionDialog</name>
    <message>
        <source>&amp;Reason (optional):</source>
        <translation>&amp;Причина (необязательно):</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Recorded in the history with this action</source>
        <translation>Сохраняется в истории вместе с этим действием</translation>
    </message>
    <message>
        <source>Recorded in the history</source>
        <translation>Сохраняется в истории</translation>
    </message>
    <message>
        <source>&amp;Type the number:</source>
        <translation>&amp;Введите число:</translation>
    </message>
    <message numerus="yes">
        <source>%n mailing(s)</source>
        <translation>
            <numerusform>%n рассылка</numerusform>
            <numerusform>%n рассылки</numerusform>
            <numerusform>%n рассылок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scenario(s)</source>
        <translation>
            <numerusform>%n сценарий</numerusform>
            <numerusform>%n сценария</numerusform>
            <numerusform>%n сценариев</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n кампания</numerusform>
            <numerusform>и ещё %n кампании</numerusform>
            <numerusform>и ещё %n кампаний</numerusform>
        </translation>
    </message>
    <message>
        <source>Completes the campaigns listed above; this cannot be undone</source>
        <translation>Завершает перечисленные выше кампании; это действие нельзя отменить</translation>
    </message>
    <message>
        <source>To confirm, &amp;type %1:</source>
        <translation>Для подтверждения &amp;введите %1:</translation>
    </message>
    <message>
        <source>Number of campaigns, typed to confirm</source>
        <translation>Число кампаний, введённое для подтверждения</translation>
    </message>
    <message>
        <source>Campaigns this action changes</source>
        <translation>Кампании, которые изменит это действие</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Start &amp;now</source>
        <translation>Запустить &amp;сейчас</translation>
    </message>
    <message>
        <source>&amp;Start at:</source>
        <translation>&amp;Запустить в:</translation>
    </message>
    <message>
        <source>Start date and time</source>
        <translation>Дата и время запуска</translation>
    </message>
    <message>
        <source>&amp;Pause at:</source>
        <translation>&amp;Приостановить в:</translation>
    </message>
    <message>
        <source>Pause date and time</source>
        <translation>Дата и время приостановки</translation>
    </message>
    <message>
        <source>Com&amp;plete at:</source>
        <translation>За&amp;вершить в:</translation>
    </message>
    <message>
        <source>Completion date and time</source>
        <translation>Дата и время завершения</translation>
    </message>
    <message>
        <source>Problem with the dates</source>
        <translation>Проблема с датами</translation>
    </message>
    <message numerus="yes">
        <source>Schedule %n campaign(s)?</source>
        <translation>
            <numerusform>Запланировать %n кампанию?</numerusform>
            <numerusform>Запланировать %n кампании?</numerusform>
            <numerusform>Запланировать %n кампаний?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Schedule %n campaign(s)</source>
        <translation>
            <numerusform>Запланировать %n кампанию</numerusform>
            <numerusform>Запланировать %n кампании</numerusform>
            <numerusform>Запланировать %n кампаний</numerusform>
        </translation>
    </message>
    <message>
        <source>Times are in your time zone, %1 (%2).</source>
        <translation>Время указано в вашем часовом поясе, %1 (%2).</translation>
    </message>
    <message>
        <source>Completing on a date is as irreversible as completing now: at that time the campaigns end for ever, with every mailing and scenario in them.</source>
        <translation>Завершение по дате так же необратимо, как завершение сейчас: в это время кампании закончатся навсегда, со всеми рассылками и сценариями в них.</translation>
    </message>
    <message>
        <source>The start is in the past: choose a later time, or Start now.</source>
        <translation>Время запуска уже прошло: выберите более позднее время или «Запустить сейчас».</translation>
    </message>
    <message>
        <source>The pause must come after the start.</source>
        <translation>Приостановка должна быть позже запуска.</translation>
    </message>
    <message>
        <source>The completion must come after the start.</source>
        <translation>Завершение должно быть позже запуска.</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <source>Connected. This token can list campaigns and change their state (Run right).</source>
        <translation>Подключение установлено. Этот токен может получать список кампаний и менять их состояние (право «Запуск»).</translation>
    </message>
    <message>
        <source>Connected, but this token cannot list campaigns (no Run right). It can only read the status of campaigns you add by ID.</source>
        <translation>Подключение установлено, но этот токен не может получать список кампаний (нет права «Запуск»). Он может только читать статус кампаний, которые вы добавите по ID.</translation>
    </message>
</context>
<context>
    <name>DemoEmulatorProcess</name>
    <message>
        <source>Demo mode needs the Altcraft emulator (altcraft-emulator), which is not installed. Install the campaign-manager-emulator package, for example with &quot;apt-get install campaign-manager-emulator&quot;, and start the demo again.</source>
        <translation>Для демо нужен эмулятор Altcraft (altcraft-emulator), но он не установлен. Установите пакет campaign-manager-emulator, например командой «apt-get install campaign-manager-emulator», и запустите демо снова.</translation>
    </message>
    <message>
        <source>The Altcraft emulator (%1) could not be started: %2</source>
        <translation>Не удалось запустить эмулятор Altcraft (%1): %2</translation>
    </message>
    <message>
        <source>The Altcraft emulator (%1) stopped before it was ready: %2</source>
        <translation>Эмулятор Altcraft (%1) остановился, не успев запуститься: %2</translation>
    </message>
    <message>
        <source>it gave no reason.</source>
        <translation>причина не указана.</translation>
    </message>
    <message numerus="yes">
        <source>The Altcraft emulator (%1) did not start listening within %n second(s).</source>
        <translation>
            <numerusform>Эмулятор Altcraft (%1) не начал принимать запросы за %n секунду.</numerusform>
            <numerusform>Эмулятор Altcraft (%1) не начал принимать запросы за %n секунды.</numerusform>
            <numerusform>Эмулятор Altcraft (%1) не начал принимать запросы за %n секунд.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FacetPane</name>
    <message>
        <source>Tags and Groups</source>
        <translation>Теги и группы</translation>
    </message>
    <message>
        <source>Tag and group filters</source>
        <translation>Фильтры по тегам и группам</translation>
    </message>
    <message>
        <source>Find a tag or group</source>
        <translation>Найти тег или группу</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>Те&amp;ги</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Tick tags to show only campaigns with any of them</source>
        <translation>Отметьте теги, чтобы показать только кампании хотя бы с одним из них</translation>
    </message>
    <message>
        <source>G&amp;roups</source>
        <translation>Г&amp;руппы</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Группы</translation>
    </message>
    <message>
        <source>Tick groups to show only campaigns in any of them</source>
        <translation>Отметьте группы, чтобы показать только кампании хотя бы из одной из них</translation>
    </message>
    <message>
        <source>Clear Tag and Group Filters</source>
        <translation>Сбросить фильтры по тегам и группам</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>--action: &quot;%1&quot; is not an action; use %2.</source>
        <translation>--action: «%1» — не действие; используйте %2.</translation>
    </message>
    <message>
        <source>History is unavailable: %1</source>
        <translation>История недоступна: %1</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начато</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>До</translation>
    </message>
    <message>
        <source>After</source>
        <translation>После</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n действие</numerusform>
            <numerusform>%n действия</numerusform>
            <numerusform>%n действий</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>History — Campaign Manager</source>
        <translation>История — Campaign Manager</translation>
    </message>
    <message>
        <source>Check status now</source>
        <translation>Проверить статус сейчас</translation>
    </message>
    <message>
        <source>Check Status &amp;Now</source>
        <translation>П&amp;роверить статус сейчас</translation>
    </message>
    <message>
        <source>Filter by campaign ID</source>
        <translation>Фильтр по ID кампании</translation>
    </message>
    <message>
        <source>Campaign ID</source>
        <translation>ID кампании</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Фильтр по действию</translation>
    </message>
    <message>
        <source>Filter by outcome</source>
        <translation>Фильтр по результату</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Начальная дата</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Конечная дата</translation>
    </message>
    <message>
        <source>Action history</source>
        <translation>История действий</translation>
    </message>
    <message>
        <source>Copy selected rows</source>
        <translation>Копировать выбранные строки</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Экспорт в CSV…</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Все действия</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Все результаты</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Любая</translation>
    </message>
    <message>
        <source>Checked: %1 confirmed, %2 not in effect or still unknown.</source>
        <translation>Проверено: подтверждено — %1, не вступило в силу или по-прежнему неизвестно — %2.</translation>
    </message>
    <message numerus="yes">
        <source>The outcome of %n action(s) is unknown: the app stopped, or the server&apos;s answer was lost. Check what the campaigns&apos; statuses say now.</source>
        <translation>
            <numerusform>Неизвестен результат %n действия: приложение было остановлено или ответ сервера потерялся. Проверьте текущие статусы кампаний.</numerusform>
            <numerusform>Неизвестен результат %n действий: приложение было остановлено или ответ сервера потерялся. Проверьте текущие статусы кампаний.</numerusform>
            <numerusform>Неизвестен результат %n действий: приложение было остановлено или ответ сервера потерялся. Проверьте текущие статусы кампаний.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n действие</numerusform>
            <numerusform>%n действия</numerusform>
            <numerusform>%n действий</numerusform>
        </translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Экспорт истории</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Не удалось экспортировать</translation>
    </message>
    <message>
        <source>The history could not be written to %1: %2</source>
        <translation>Не удалось записать историю в %1: %2</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Clear campaign filter</source>
        <translation>Очистить фильтр по кампании</translation>
    </message>
    <message>
        <source>Select all actions</source>
        <translation>Выбрать все действия</translation>
    </message>
    <message>
        <source>Copy Selected Rows</source>
        <translation>Копировать выбранные строки</translation>
    </message>
    <message>
        <source>Filter by account</source>
        <translation>Фильтр по аккаунту</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Все аккаунты</translation>
    </message>
</context>
<context>
    <name>IdSpec</name>
    <message>
        <source>Bad campaign IDs: %1</source>
        <translation>Неверные ID кампаний: %1</translation>
    </message>
    <message>
        <source>No campaign ID was given.</source>
        <translation>Не указан ни один ID кампании.</translation>
    </message>
    <message>
        <source>&quot;-&quot; reads the IDs from standard input and cannot be mixed with IDs.</source>
        <translation>«-» читает ID со стандартного ввода, его нельзя смешивать с ID.</translation>
    </message>
</context>
<context>
    <name>IncidentPauseDialog</name>
    <message>
        <source>Campaigns this pause deactivates</source>
        <translation>Кампании, которые деактивирует эта приостановка</translation>
    </message>
    <message>
        <source>&amp;Reason (optional):</source>
        <translation>&amp;Причина (необязательно):</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Recorded in the history and in the snapshot</source>
        <translation>Сохраняется в истории и в снимке</translation>
    </message>
    <message>
        <source>Recorded in the history</source>
        <translation>Сохраняется в истории</translation>
    </message>
    <message>
        <source>&amp;Type the number:</source>
        <translation>&amp;Введите число:</translation>
    </message>
    <message>
        <source>Number of campaigns, typed to confirm</source>
        <translation>Число кампаний, введённое для подтверждения</translation>
    </message>
    <message>
        <source>Pause Everything</source>
        <translation>Приостановить всё</translation>
    </message>
    <message>
        <source>Pause Everything Matching the Filter</source>
        <translation>Приостановить всё, что подходит под фильтр</translation>
    </message>
    <message>
        <source>Pause every active and waiting campaign of this account?</source>
        <translation>Приостановить все активные и ожидающие кампании этого аккаунта?</translation>
    </message>
    <message>
        <source>Pause every active and waiting campaign the current filter shows?</source>
        <translation>Приостановить все активные и ожидающие кампании, которые показывает текущий фильтр?</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%n active campaign(s) will be paused.</source>
        <translation>
            <numerusform>Будет приостановлена %n активная кампания.</numerusform>
            <numerusform>Будут приостановлены %n активные кампании.</numerusform>
            <numerusform>Будут приостановлены %n активных кампаний.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting campaign(s) will be paused.</source>
        <translation>
            <numerusform>Будет приостановлена %n ожидающая кампания.</numerusform>
            <numerusform>Будут приостановлены %n ожидающие кампании.</numerusform>
            <numerusform>Будут приостановлены %n ожидающих кампаний.</numerusform>
        </translation>
    </message>
    <message>
        <source>A snapshot is kept, so exactly these can be resumed later.</source>
        <translation>Сохраняется снимок, чтобы позже можно было возобновить именно эти кампании.</translation>
    </message>
    <message numerus="yes">
        <source>Pause %n campaign(s)</source>
        <translation>
            <numerusform>Приостановить %n кампанию</numerusform>
            <numerusform>Приостановить %n кампании</numerusform>
            <numerusform>Приостановить %n кампаний</numerusform>
        </translation>
    </message>
    <message>
        <source>To confirm, &amp;type %1:</source>
        <translation>Для подтверждения &amp;введите %1:</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>The history database could not be updated: %1</source>
        <translation>Не удалось обновить базу данных истории: %1</translation>
    </message>
    <message>
        <source>The history database %1 could not be opened: %2</source>
        <translation>Не удалось открыть базу данных истории %1: %2</translation>
    </message>
    <message>
        <source>The history database was written by a newer version of Campaign Manager (schema %1).</source>
        <translation>База данных истории создана более новой версией Campaign Manager (схема %1).</translation>
    </message>
</context>
<context>
    <name>JournalEntry</name>
    <message>
        <source>In progress</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Успешно</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Отклонено сервером</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>Не доставлено</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Результат неизвестен</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Not in effect</source>
        <translation>Не вступило в силу</translation>
    </message>
</context>
<context>
    <name>JournalMessage</name>
    <message>
        <source>Confirmed later by reading the campaign&apos;s status: “%1”.</source>
        <translation>Подтверждено позже проверкой статуса кампании: «%1».</translation>
    </message>
    <message>
        <source>Not in effect: reading the status later showed “%1”.</source>
        <translation>Не вступило в силу: последующая проверка показала статус «%1».</translation>
    </message>
    <message>
        <source>The app stopped before the server&apos;s answer came. Use Check Status Now to learn what happened.</source>
        <translation>Приложение остановилось до того, как пришёл ответ сервера. Нажмите «Проверить статус сейчас», чтобы узнать, что произошло.</translation>
    </message>
</context>
<context>
    <name>JournalTableModel</name>
    <message>
        <source>%1 (app stopped)</source>
        <translation>%1 (приложение остановлено)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Было</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Стало</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Аккаунт</translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message>
        <source>--status: &quot;%1&quot; is not a status; use cloning, inactive, waiting, active, completed or deleted.</source>
        <translation>--status: «%1» — не статус; используйте cloning, inactive, waiting, active, completed или deleted.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Группы</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) read</source>
        <translation>
            <numerusform>Прочитана %n кампания</numerusform>
            <numerusform>Прочитаны %n кампании</numerusform>
            <numerusform>Прочитано %n кампаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n кампания</numerusform>
            <numerusform>%n кампании</numerusform>
            <numerusform>%n кампаний</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Campaign Manager</source>
        <translation>Campaign Manager</translation>
    </message>
    <message>
        <source>Search campaigns</source>
        <translation>Поиск кампаний</translation>
    </message>
    <message>
        <source>Shows campaigns whose ID or name contains the text</source>
        <translation>Показывает кампании, ID или название которых содержит этот текст</translation>
    </message>
    <message>
        <source>Search by ID or name</source>
        <translation>Поиск по ID или названию</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Фильтр по статусу</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Кампании</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>&amp;Кампания</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Основная панель инструментов</translation>
    </message>
    <message>
        <source>Campaign details</source>
        <translation>Сведения о кампании</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Reload campaigns and their statuses from Altcraft</source>
        <translation>Заново загрузить кампании и их статусы из Altcraft</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Деактивировать</translation>
    </message>
    <message>
        <source>Pause the selected campaigns; you can activate them again</source>
        <translation>Приостановить выбранные кампании; их можно будет снова активировать</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Активировать</translation>
    </message>
    <message>
        <source>Resume the selected inactive campaigns</source>
        <translation>Возобновить выбранные неактивные кампании</translation>
    </message>
    <message>
        <source>&amp;Complete…</source>
        <translation>&amp;Завершить…</translation>
    </message>
    <message>
        <source>End the selected campaigns for ever; asks first</source>
        <translation>Завершить выбранные кампании навсегда (с подтверждением)</translation>
    </message>
    <message>
        <source>Add Campaigns by &amp;ID…</source>
        <translation>Доба&amp;вить кампании по ID…</translation>
    </message>
    <message>
        <source>Track campaigns by their IDs, for tokens that cannot list campaigns</source>
        <translation>Отслеживать кампании по их ID — для токенов, которые не могут получать список кампаний</translation>
    </message>
    <message>
        <source>Remove from &amp;List</source>
        <translation>&amp;Убрать из списка</translation>
    </message>
    <message>
        <source>Stop tracking the selected campaigns that were added by ID</source>
        <translation>Перестать отслеживать выбранные кампании, добавленные по ID</translation>
    </message>
    <message>
        <source>Campaign &amp;Details</source>
        <translation>&amp;Сведения о кампании</translation>
    </message>
    <message>
        <source>Show or hide the details of the current campaign</source>
        <translation>Показать или скрыть сведения о текущей кампании</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>API URL, token, timeouts and language</source>
        <translation>API URL, токен, тайм-ауты и язык</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <source>Every action taken from this computer</source>
        <translation>Все действия, выполненные с этого компьютера</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>Quit Campaign Manager</source>
        <translation>Выйти из Campaign Manager</translation>
    </message>
    <message numerus="yes">
        <source>Activate again the %n campaign(s) just deactivated</source>
        <translation>
            <numerusform>Снова активировать %n только что деактивированную кампанию</numerusform>
            <numerusform>Снова активировать %n только что деактивированные кампании</numerusform>
            <numerusform>Снова активировать %n только что деактивированных кампаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) added.</source>
        <translation>
            <numerusform>Добавлена %n кампания.</numerusform>
            <numerusform>Добавлены %n кампании.</numerusform>
            <numerusform>Добавлено %n кампаний.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some campaigns could not be added</source>
        <translation>Не удалось добавить некоторые кампании</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) could not be read. Check the IDs, and that your token can see them.</source>
        <translation>
            <numerusform>Не удалось прочитать %n кампанию. Проверьте ID и доступ вашего токена к этим кампаниям.</numerusform>
            <numerusform>Не удалось прочитать %n кампании. Проверьте ID и доступ вашего токена к этим кампаниям.</numerusform>
            <numerusform>Не удалось прочитать %n кампаний. Проверьте ID и доступ вашего токена к этим кампаниям.</numerusform>
        </translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Результат последнего действия</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Ход выполнения</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel the running operation</source>
        <translation>Отменить выполняемую операцию</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Undo deactivation</source>
        <translation>Отменить деактивацию</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>No campaigns</source>
        <translation>Нет кампаний</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n кампания</numerusform>
            <numerusform>%n кампании</numerusform>
            <numerusform>%n кампаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n shown</source>
        <translation>
            <numerusform>, показана %n</numerusform>
            <numerusform>, показаны %n</numerusform>
            <numerusform>, показано %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a campaign to see its details.</source>
        <translation>Выберите кампанию, чтобы увидеть сведения о ней.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Группы</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создана</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Изменена</translation>
    </message>
    <message>
        <source>Updated by</source>
        <translation>Кем изменена</translation>
    </message>
    <message>
        <source>Inside this campaign</source>
        <translation>Внутри кампании</translation>
    </message>
    <message>
        <source>One-off mailings</source>
        <translation>Разовые рассылки</translation>
    </message>
    <message>
        <source>Regular mailings</source>
        <translation>Регулярные рассылки</translation>
    </message>
    <message>
        <source>Trigger mailings</source>
        <translation>Триггерные рассылки</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Сценарии</translation>
    </message>
    <message>
        <source>A/B tests</source>
        <translation>A/B-тесты</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Размещения</translation>
    </message>
    <message numerus="yes">
        <source>%n loaded</source>
        <translation>
            <numerusform>Загружено: %n</numerusform>
            <numerusform>Загружено: %n</numerusform>
            <numerusform>Загружено: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading cancelled; the table shows what had arrived.</source>
        <translation>Загрузка отменена; в таблице показано то, что успело загрузиться.</translation>
    </message>
    <message>
        <source>This token cannot list campaigns. Add the campaigns you need with Add Campaigns by ID.</source>
        <translation>Этот токен не может получать список кампаний. Добавьте нужные кампании с помощью команды «Добавить кампании по ID».</translation>
    </message>
    <message>
        <source>Could not load campaigns</source>
        <translation>Не удалось загрузить кампании</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n: ошибка</numerusform>
            <numerusform>%n: ошибка</numerusform>
            <numerusform>%n: ошибка</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation>
            <numerusform>%n: результат неизвестен</numerusform>
            <numerusform>%n: результат неизвестен</numerusform>
            <numerusform>%n: результат неизвестен</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n: не отправлено</numerusform>
            <numerusform>%n: не отправлено</numerusform>
            <numerusform>%n: не отправлено</numerusform>
        </translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Подробнее</translation>
    </message>
    <message>
        <source>Reason (optional, kept in History)</source>
        <translation>Причина (необязательно, сохраняется в истории)</translation>
    </message>
    <message>
        <source>Reason for the next action</source>
        <translation>Причина следующего действия</translation>
    </message>
    <message>
        <source>Recorded in History with the next Deactivate, Activate or Complete</source>
        <translation>Записывается в историю вместе со следующей деактивацией, активацией или завершением</translation>
    </message>
    <message>
        <source>Clear reason</source>
        <translation>Очистить причину</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Очистить поиск</translation>
    </message>
    <message>
        <source>Select all campaigns</source>
        <translation>Выбрать все кампании</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>status label: number of campaigns</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Show details of the last action</source>
        <translation>Показать подробности последнего действия</translation>
    </message>
    <message>
        <source>Notice about the campaign list</source>
        <translation>Уведомление о списке кампаний</translation>
    </message>
    <message numerus="yes">
        <source>Not shown: %n item(s) in the server&apos;s list that could not be read as campaigns. The others are loaded.</source>
        <translation>
            <numerusform>Не показан %n элемент списка с сервера: его не удалось прочитать как кампанию. Остальные загружены.</numerusform>
            <numerusform>Не показаны %n элемента списка с сервера: их не удалось прочитать как кампании. Остальные загружены.</numerusform>
            <numerusform>Не показаны %n элементов списка с сервера: их не удалось прочитать как кампании. Остальные загружены.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not every campaign was loaded</source>
        <translation>Загружены не все кампании</translation>
    </message>
    <message numerus="yes">
        <source>%n not in effect</source>
        <comment>campaigns the server did not change, as read back just after</comment>
        <translation>
            <numerusform>%n: не вступило в силу</numerusform>
            <numerusform>%n: не вступило в силу</numerusform>
            <numerusform>%n: не вступило в силу</numerusform>
        </translation>
    </message>
    <message>
        <source>Account in use</source>
        <translation>Текущий аккаунт</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Аккаунт</translation>
    </message>
    <message>
        <source>&amp;Switch Account…</source>
        <translation>&amp;Сменить аккаунт…</translation>
    </message>
    <message>
        <source>Choose the Altcraft account the window works in</source>
        <translation>Выбрать аккаунт Altcraft, с которым работает окно</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Аккаунт</translation>
    </message>
    <message>
        <source>The Altcraft account this window works in</source>
        <translation>Аккаунт Altcraft, с которым работает это окно</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Read-only: Deactivate, Activate and Complete are turned off for this account.</source>
        <translation>Только чтение: деактивация, активация и завершение отключены для этого аккаунта.</translation>
    </message>
    <message>
        <source>Every action asks first.</source>
        <translation>Каждое действие сначала спрашивает.</translation>
    </message>
    <message>
        <source>%1, %2. %3</source>
        <translation>%1, %2. %3</translation>
    </message>
    <message>
        <source>This account is read-only: its safety rules turn this action off.</source>
        <translation>Этот аккаунт только для чтения: его правила безопасности отключают это действие.</translation>
    </message>
    <message>
        <source>This account is read-only: nothing was sent.</source>
        <translation>Этот аккаунт только для чтения: ничего не отправлено.</translation>
    </message>
    <message>
        <source>Choose when the selected inactive campaigns start, and optionally when they pause or complete</source>
        <translation>Выбрать, когда запустятся выбранные неактивные кампании, и при желании — когда они приостановятся или завершатся</translation>
    </message>
    <message>
        <source>&amp;Pause Everything…</source>
        <translation>&amp;Приостановить всё…</translation>
    </message>
    <message>
        <source>Pause every active and waiting campaign of this account, keeping a snapshot to restore</source>
        <translation>Приостановить все активные и ожидающие кампании этого аккаунта, сохранив снимок для восстановления</translation>
    </message>
    <message>
        <source>Pause Everything &amp;Matching the Filter…</source>
        <translation>Приостановить всё, что подходит под &amp;фильтр…</translation>
    </message>
    <message>
        <source>Pause every active and waiting campaign the table shows, keeping a snapshot to restore</source>
        <translation>Приостановить все активные и ожидающие кампании, которые показывает таблица, сохранив снимок для восстановления</translation>
    </message>
    <message>
        <source>R&amp;estore Snapshot…</source>
        <translation>Восстановить из с&amp;нимка…</translation>
    </message>
    <message>
        <source>Activate again exactly the campaigns an incident pause stopped and nobody has touched since</source>
        <translation>Снова активировать именно те кампании, которые остановила экстренная приостановка и которые с тех пор никто не менял</translation>
    </message>
    <message>
        <source>%1 (set from this computer)</source>
        <translation>%1 (задано с этого компьютера)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Приостановка</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Завершение</translation>
    </message>
    <message>
        <source>Nothing was paused</source>
        <translation>Ничего не приостановлено</translation>
    </message>
    <message>
        <source>Nothing to pause</source>
        <translation>Нечего приостанавливать</translation>
    </message>
    <message>
        <source>No campaign of this account is active or waiting.</source>
        <translation>В этом аккаунте нет активных или ожидающих кампаний.</translation>
    </message>
    <message>
        <source>No campaign the filter shows is active or waiting.</source>
        <translation>Среди кампаний, которые показывает фильтр, нет активных или ожидающих.</translation>
    </message>
    <message>
        <source>Another action is still running, or none of these campaigns is active or waiting any more.</source>
        <translation>Ещё выполняется другое действие, или ни одна из этих кампаний больше не активна и не ожидает.</translation>
    </message>
    <message>
        <source>The snapshot was not kept</source>
        <translation>Снимок не сохранён</translation>
    </message>
    <message>
        <source>The campaigns were paused, but the snapshot could not be written to the history database, so Restore Snapshot cannot offer this pause. History lists the campaigns that were paused.</source>
        <translation>Кампании приостановлены, но снимок не удалось записать в базу истории, поэтому «Восстановить из снимка» не сможет предложить эту приостановку. Приостановленные кампании перечислены в истории.</translation>
    </message>
    <message numerus="yes">
        <source>A snapshot of the %n paused campaign(s) was kept.</source>
        <translation>
            <numerusform>Сохранён снимок %n приостановленной кампании.</numerusform>
            <numerusform>Сохранён снимок %n приостановленных кампаний.</numerusform>
            <numerusform>Сохранён снимок %n приостановленных кампаний.</numerusform>
        </translation>
    </message>
    <message>
        <source>No snapshot can be read</source>
        <translation>Снимки недоступны</translation>
    </message>
    <message>
        <source>The history database is not available, so no snapshot can be read.</source>
        <translation>База истории недоступна, поэтому снимки прочитать нельзя.</translation>
    </message>
    <message>
        <source>This snapshot cannot be restored here</source>
        <translation>Этот снимок нельзя восстановить здесь</translation>
    </message>
    <message>
        <source>Nothing was restored</source>
        <translation>Ничего не восстановлено</translation>
    </message>
    <message>
        <source>The campaigns of another snapshot are still being read. Try again shortly.</source>
        <translation>Кампании другого снимка ещё читаются. Повторите чуть позже.</translation>
    </message>
    <message>
        <source>Reading the current state of the snapshot&apos;s campaigns…</source>
        <translation>Чтение текущего состояния кампаний снимка…</translation>
    </message>
    <message>
        <source>Another action is still running, or the account changed. Nothing was sent.</source>
        <translation>Ещё выполняется другое действие, или аккаунт сменился. Ничего не отправлено.</translation>
    </message>
    <message>
        <source>Activate at a Da&amp;te…</source>
        <translation>Активировать по да&amp;те…</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Активность</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>&amp;Отслеживать</translation>
    </message>
    <message>
        <source>Check the selected campaigns in the background and say when they change</source>
        <translation>Проверять выбранные кампании в фоне и сообщать об их изменениях</translation>
    </message>
    <message>
        <source>Acti&amp;vity</source>
        <translation>Акти&amp;вность</translation>
    </message>
    <message>
        <source>What the watch noticed: changes, new campaigns, campaigns that did not start</source>
        <translation>Что заметило наблюдение: изменения, новые кампании, кампании, которые не запустились</translation>
    </message>
    <message numerus="yes">
        <source>Stopped watching %n campaign(s).</source>
        <translation>
            <numerusform>Больше не отслеживается %n кампания.</numerusform>
            <numerusform>Больше не отслеживаются %n кампании.</numerusform>
            <numerusform>Больше не отслеживаются %n кампаний.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Watching %n campaign(s): you will be told when they change.</source>
        <translation>
            <numerusform>Отслеживается %n кампания: вы узнаете, когда она изменится.</numerusform>
            <numerusform>Отслеживаются %n кампании: вы узнаете, когда они изменятся.</numerusform>
            <numerusform>Отслеживаются %n кампаний: вы узнаете, когда они изменятся.</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign %1 is not in the table. Refresh to list it.</source>
        <translation>Кампании %1 нет в таблице. Обновите список, чтобы она появилась.</translation>
    </message>
    <message>
        <source>Watched</source>
        <translation>Отслеживаемые</translation>
    </message>
    <message>
        <source>Stop &amp;Watching</source>
        <translation>Не &amp;отслеживать</translation>
    </message>
    <message>
        <source>&amp;Export Campaigns…</source>
        <translation>&amp;Экспорт кампаний…</translation>
    </message>
    <message>
        <source>Save the rows and columns the table shows to a CSV file</source>
        <translation>Сохранить строки и столбцы, которые показывает таблица, в файл CSV</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Copy the selected rows, as the table shows them, for a spreadsheet</source>
        <translation>Скопировать выделенные строки так, как их показывает таблица, для электронной таблицы</translation>
    </message>
    <message>
        <source>Copy &amp;All Visible Rows</source>
        <translation>Копировать &amp;все видимые строки</translation>
    </message>
    <message>
        <source>Copy every row the table shows, with its shown columns, for a spreadsheet</source>
        <translation>Скопировать все строки, которые показывает таблица, с видимыми столбцами, для электронной таблицы</translation>
    </message>
    <message>
        <source>&amp;Tags and Groups</source>
        <translation>&amp;Теги и группы</translation>
    </message>
    <message>
        <source>Show only campaigns with some tags or in some groups</source>
        <translation>Показать только кампании с выбранными тегами или из выбранных групп</translation>
    </message>
    <message>
        <source>Save the search, filters and columns as a view (%1)</source>
        <translation>Сохранить поиск, фильтры и столбцы как представление (%1)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Clear tag and group filters</source>
        <translation>Сбросить фильтры по тегам и группам</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Теги: %1</translation>
    </message>
    <message>
        <source>Groups: %1</source>
        <translation>Группы: %1</translation>
    </message>
    <message>
        <source>This account has more campaigns than the table holds: Altcraft lists only those that match the status, tags and groups chosen.</source>
        <translation>В этом аккаунте больше кампаний, чем вмещает таблица: Altcraft перечисляет только те, что подходят под выбранные статус, теги и группы.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s): paste them into a spreadsheet.</source>
        <translation>
            <numerusform>Скопирована %n строка: вставьте её в электронную таблицу.</numerusform>
            <numerusform>Скопированы %n строки: вставьте их в электронную таблицу.</numerusform>
            <numerusform>Скопировано %n строк: вставьте их в электронную таблицу.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Campaigns</source>
        <translation>Экспорт кампаний</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Не удалось экспортировать</translation>
    </message>
    <message>
        <source>The campaigns could not be written to %1: %2</source>
        <translation>Не удалось записать кампании в %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n campaign(s) to %1.</source>
        <translation>
            <numerusform>%n кампания экспортирована в %1.</numerusform>
            <numerusform>%n кампании экспортированы в %1.</numerusform>
            <numerusform>%n кампаний экспортировано в %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Altcraft listed only the campaigns with the status, tags and groups chosen: this account has more campaigns than the table holds.</source>
        <translation>Altcraft перечислил только кампании с выбранными статусом, тегами и группами: в этом аккаунте больше кампаний, чем вмещает таблица.</translation>
    </message>
    <message>
        <source>Tags and Groups</source>
        <translation>Теги и группы</translation>
    </message>
    <message>
        <source>Vie&amp;w:</source>
        <translation>Пре&amp;дставление:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>window title: the account, then the app&apos;s name</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Not a real Altcraft account: campaigns and changes live in a local emulator and vanish when you quit.</source>
        <translation>Это не настоящий аккаунт Altcraft: кампании и изменения живут в локальном эмуляторе и исчезнут при выходе.</translation>
    </message>
</context>
<context>
    <name>RestoreReportDialog</name>
    <message>
        <source>Restore the Incident Pause</source>
        <translation>Восстановление после экстренной приостановки</translation>
    </message>
    <message>
        <source>Restore the incident pause of %1 in %2?</source>
        <translation>Восстановить кампании после экстренной приостановки %1 в аккаунте %2?</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) will be activated again.</source>
        <translation>
            <numerusform>%n кампания будет снова активирована.</numerusform>
            <numerusform>%n кампании будут снова активированы.</numerusform>
            <numerusform>%n кампаний будут снова активированы.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) will be left alone.</source>
        <translation>
            <numerusform>%n кампания останется как есть.</numerusform>
            <numerusform>%n кампании останутся как есть.</numerusform>
            <numerusform>%n кампаний останутся как есть.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>To activate:</source>
        <translation>Будут активированы:</translation>
    </message>
    <message>
        <source>Campaigns the restore activates</source>
        <translation>Кампании, которые активирует восстановление</translation>
    </message>
    <message>
        <source>Left alone:</source>
        <translation>Останутся как есть:</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>Campaigns the restore leaves alone, with the reason</source>
        <translation>Кампании, которые восстановление не трогает, с причиной</translation>
    </message>
    <message numerus="yes">
        <source>Activate %n campaign(s)</source>
        <translation>
            <numerusform>Активировать %n кампанию</numerusform>
            <numerusform>Активировать %n кампании</numerusform>
            <numerusform>Активировать %n кампаний</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreSnapshotDialog</name>
    <message>
        <source>Restore Snapshot</source>
        <translation>Восстановление из снимка</translation>
    </message>
    <message>
        <source>No incident pause has been recorded yet.</source>
        <translation>Экстренных приостановок ещё не было.</translation>
    </message>
    <message>
        <source>Choose the incident pause to undo. Only the campaigns it paused that nobody has touched since are activated again.</source>
        <translation>Выберите экстренную приостановку, которую нужно отменить. Снова активируются только приостановленные ею кампании, которые с тех пор никто не менял.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Аккаунт</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Приостановлено</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Охват</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Всё</translation>
    </message>
    <message>
        <source>The filter</source>
        <translation>По фильтру</translation>
    </message>
    <message>
        <source>Incident snapshots, newest first</source>
        <translation>Снимки экстренных приостановок, сначала новые</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Восстановить…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>Проверить &amp;подключение</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Результат проверки подключения</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Параметры работы</translation>
    </message>
    <message>
        <source>Request &amp;timeout:</source>
        <translation>Тай&amp;м-аут запроса:</translation>
    </message>
    <message>
        <source>Request timeout in seconds</source>
        <translation>Тайм-аут запроса в секундах</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>&amp;Parallel requests:</source>
        <translation>&amp;Одновременных запросов:</translation>
    </message>
    <message>
        <source>Parallel requests</source>
        <translation>Одновременные запросы</translation>
    </message>
    <message>
        <source>&amp;Auto-refresh every:</source>
        <translation>&amp;Автообновление каждые:</translation>
    </message>
    <message>
        <source>Auto-refresh interval in minutes</source>
        <translation>Интервал автообновления в минутах</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выключено</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Applies after a restart</source>
        <translation>Применится после перезапуска</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>How many requests bulk actions send at once, 1 to 6</source>
        <translation>Сколько запросов массовые действия отправляют одновременно, от 1 до 6</translation>
    </message>
    <message>
        <source>How many requests bulk actions send at once. At most 6: that is how many connections the app opens to one server.</source>
        <translation>Сколько запросов массовые действия отправляют одновременно. Не больше 6: столько соединений приложение открывает к одному серверу.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Аккаунты</translation>
    </message>
    <message>
        <source>Each account is saved as soon as you press OK in its editor; Cancel below does not undo that. Tokens are kept in the system keychain, never in a file.</source>
        <translation>Аккаунт сохраняется, как только вы нажимаете OK в его редакторе; «Отмена» ниже этого не отменяет. Токены хранятся в системном хранилище ключей, никогда в файле.</translation>
    </message>
    <message>
        <source>Press Enter to edit the selected account</source>
        <translation>Нажмите Enter, чтобы изменить выбранный аккаунт</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Добавить аккаунт</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Изменить аккаунт</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>Duplicate account</source>
        <translation>Дублировать аккаунт</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>Д&amp;ублировать</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Удалить аккаунт</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>Tests the selected account with its saved token</source>
        <translation>Проверяет выбранный аккаунт с его сохранённым токеном</translation>
    </message>
    <message>
        <source>Built-in account</source>
        <translation>Встроенный аккаунт</translation>
    </message>
    <message>
        <source>Accounts message</source>
        <translation>Сообщение об аккаунтах</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>These settings are saved when you press OK.</source>
        <translation>Эти настройки сохраняются при нажатии OK.</translation>
    </message>
    <message>
        <source>“%1” is built in: it cannot be edited, duplicated or removed. Add an account to connect to your Altcraft.</source>
        <translation>«%1» — встроенный аккаунт: его нельзя изменить, дублировать или удалить. Добавьте аккаунт, чтобы подключиться к своему Altcraft.</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Удалить аккаунт</translation>
    </message>
    <message>
        <source>Remove the account “%1”?

Its API token is deleted from the system keychain. History keeps the rows of the actions done in it.</source>
        <translation>Удалить аккаунт «%1»?

Его токен API будет удалён из системного хранилища ключей. История сохранит записи о действиях в нём.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>“%1” was removed. Deleting its token from the system keychain…</source>
        <translation>Аккаунт «%1» удалён. Удаление его токена из системного хранилища ключей…</translation>
    </message>
    <message>
        <source>“%1” was removed, and its token deleted from the system keychain.</source>
        <translation>Аккаунт «%1» удалён, его токен удалён из системного хранилища ключей.</translation>
    </message>
    <message>
        <source>“%1” was removed, but its token could not be deleted from the system keychain: %2</source>
        <translation>Аккаунт «%1» удалён, но его токен не удалось удалить из системного хранилища ключей: %2</translation>
    </message>
    <message>
        <source>Reading the token from the system keychain…</source>
        <translation>Чтение токена из системного хранилища ключей…</translation>
    </message>
    <message>
        <source>“%1” has no API address to test.</source>
        <translation>У аккаунта «%1» нет адреса API для проверки.</translation>
    </message>
    <message>
        <source>No token is saved for “%1”. Edit the account to enter one.</source>
        <translation>Для аккаунта «%1» не сохранён токен. Измените аккаунт, чтобы ввести его.</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Наблюдение</translation>
    </message>
    <message>
        <source>Check &amp;watched campaigns every:</source>
        <translation>Прове&amp;рять отслеживаемые кампании каждые:</translation>
    </message>
    <message>
        <source>Watch interval in seconds</source>
        <translation>Интервал наблюдения в секундах</translation>
    </message>
    <message>
        <source>How often each watched campaign&apos;s status is read. Longer while the server cannot be reached.</source>
        <translation>Как часто читается статус каждой отслеживаемой кампании. Реже, пока сервер недоступен.</translation>
    </message>
    <message>
        <source>Check the whole a&amp;ccount every:</source>
        <translation>Проверять весь а&amp;ккаунт каждые:</translation>
    </message>
    <message>
        <source>Whole-account check interval in minutes</source>
        <translation>Интервал проверки всего аккаунта в минутах</translation>
    </message>
    <message>
        <source>Lists every campaign of the account to notice new campaigns and changes to campaigns you do not watch. Needs a token that can list.</source>
        <translation>Получает список всех кампаний аккаунта, чтобы заметить новые кампании и изменения в неотслеживаемых. Нужен токен с правом на список.</translation>
    </message>
    <message>
        <source>Report a campaign cl&amp;oning for longer than:</source>
        <translation>Сообщать о клонировании &amp;дольше, чем:</translation>
    </message>
    <message>
        <source>Cloning limit in minutes</source>
        <translation>Предел клонирования в минутах</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>Показывать &amp;уведомления на рабочем столе</translation>
    </message>
    <message>
        <source>Keep watching in the system tra&amp;y when the window is closed</source>
        <translation>Продолжать наблюдение в системном &amp;трее, когда окно закрыто</translation>
    </message>
    <message>
        <source>This desktop has no system tray.</source>
        <translation>На этом рабочем столе нет системного трея.</translation>
    </message>
</context>
<context>
    <name>SnapshotRestore</name>
    <message>
        <source>No account is in use: a snapshot can only be restored in the account it was taken in.</source>
        <translation>Аккаунт не выбран: снимок можно восстановить только в том аккаунте, где он сделан.</translation>
    </message>
    <message>
        <source>This snapshot was taken in the account “%1”, not in “%2”. Switch to “%1” to restore it.</source>
        <translation>Этот снимок сделан в аккаунте «%1», а не в «%2». Переключитесь на «%1», чтобы восстановить его.</translation>
    </message>
    <message>
        <source>Restore of the incident pause of %1</source>
        <translation>Восстановление после экстренной приостановки %1</translation>
    </message>
</context>
<context>
    <name>SnapshotRestorePlan</name>
    <message>
        <source>Changed by someone else since the pause: %1 at %2.</source>
        <translation>После приостановки изменена другим пользователем: %1, %2.</translation>
    </message>
    <message>
        <source>an unnamed user</source>
        <translation>неизвестный пользователь</translation>
    </message>
    <message>
        <source>Completed since the pause.</source>
        <translation>Завершена после приостановки.</translation>
    </message>
    <message>
        <source>Deleted, or no longer found on the server.</source>
        <translation>Удалена или больше не найдена на сервере.</translation>
    </message>
    <message>
        <source>Already active or waiting: skipped, not sent again.</source>
        <translation>Уже активна или ожидает: пропущена, повторно не отправляется.</translation>
    </message>
    <message>
        <source>The pause did not change it (its deactivation did not succeed then).</source>
        <translation>Приостановка её не изменила (деактивация тогда не удалась).</translation>
    </message>
    <message>
        <source>What the server reported after the pause was not recorded, so a later change cannot be ruled out.</source>
        <translation>Ответ сервера после приостановки не был сохранён, поэтому нельзя исключить последующее изменение.</translation>
    </message>
    <message>
        <source>Its current state could not be read from the server.</source>
        <translation>Не удалось прочитать её текущее состояние с сервера.</translation>
    </message>
    <message>
        <source>Its status now is neither inactive, active, waiting nor completed.</source>
        <translation>Её текущий статус — не «неактивна», не «активна», не «ожидает» и не «завершена».</translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message numerus="yes">
        <source>%n read</source>
        <translation>
            <numerusform>%n прочитана</numerusform>
            <numerusform>%n прочитаны</numerusform>
            <numerusform>%n прочитано</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n не удалось прочитать</numerusform>
            <numerusform>%n не удалось прочитать</numerusform>
            <numerusform>%n не удалось прочитать</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLabels</name>
    <message>
        <source>Being cloned</source>
        <translation>Клонируется</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Неактивна</translation>
    </message>
    <message>
        <source>Awaiting activation</source>
        <translation>Ожидает активации</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активна</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Завершена</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалена</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <source>Unknown (%1)</source>
        <translation>Неизвестно (%1)</translation>
    </message>
</context>
<context>
    <name>TableColumns</name>
    <message>
        <source>&amp;Columns</source>
        <translation>Сто&amp;лбцы</translation>
    </message>
    <message>
        <source>&amp;Reset Columns</source>
        <translation>&amp;Сбросить столбцы</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>No keychain is available on this computer (the Secret Service is not running), so the API token cannot be stored securely. You can use the token for this session only.</source>
        <translation>На этом компьютере нет доступной связки ключей (служба Secret Service не запущена), поэтому API-токен нельзя надёжно сохранить. Вы можете использовать токен только в этом сеансе.</translation>
    </message>
    <message>
        <source>The keychain refused access to the API token. Unlock your keychain and try again.</source>
        <translation>Связка ключей отказала в доступе к API-токену. Разблокируйте связку ключей и повторите попытку.</translation>
    </message>
    <message>
        <source>The keychain could not store or read the API token. Try again, or use the token for this session only.</source>
        <translation>Не удалось сохранить API-токен в связке ключей или прочитать его оттуда. Повторите попытку или используйте токен только в этом сеансе.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show Campaign Manager</source>
        <translation>Показать Campaign Manager</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Активность</translation>
    </message>
    <message>
        <source>Check Watched Campaigns Now</source>
        <translation>Проверить отслеживаемые кампании сейчас</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Campaign Manager</source>
        <translation>Campaign Manager</translation>
    </message>
    <message>
        <source>Campaign Manager: no campaign is watched.</source>
        <translation>Campaign Manager: ни одна кампания не отслеживается.</translation>
    </message>
    <message numerus="yes">
        <source>Campaign Manager: watching %n campaign(s).</source>
        <translation>
            <numerusform>Campaign Manager: отслеживается %n кампания.</numerusform>
            <numerusform>Campaign Manager: отслеживаются %n кампании.</numerusform>
            <numerusform>Campaign Manager: отслеживаются %n кампаний.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accounts checked: %n.</source>
        <translation>
            <numerusform>Проверяемых аккаунтов: %n.</numerusform>
            <numerusform>Проверяемых аккаунтов: %n.</numerusform>
            <numerusform>Проверяемых аккаунтов: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewSwitcher</name>
    <message>
        <source>Saved V&amp;iews</source>
        <translation>Сохранённые п&amp;редставления</translation>
    </message>
    <message>
        <source>Saved view</source>
        <translation>Сохранённое представление</translation>
    </message>
    <message>
        <source>Switch to a saved search, filter and column set</source>
        <translation>Перейти к сохранённому набору поиска, фильтров и столбцов</translation>
    </message>
    <message>
        <source>Unsaved view</source>
        <translation>Несохранённое представление</translation>
    </message>
    <message>
        <source>S&amp;tandard View</source>
        <translation>Ст&amp;андартное представление</translation>
    </message>
    <message>
        <source>Every campaign, the standard columns, sorted by ID</source>
        <translation>Все кампании, стандартные столбцы, сортировка по ID</translation>
    </message>
    <message>
        <source>&amp;Save View…</source>
        <translation>&amp;Сохранить представление…</translation>
    </message>
    <message>
        <source>&amp;Rename View…</source>
        <translation>&amp;Переименовать представление…</translation>
    </message>
    <message>
        <source>&amp;Delete View…</source>
        <translation>&amp;Удалить представление…</translation>
    </message>
    <message>
        <source>&amp;Open the Account With This View</source>
        <translation>&amp;Открывать аккаунт с этим представлением</translation>
    </message>
    <message>
        <source>The account opens with this view, whatever was on screen when it closed</source>
        <translation>Аккаунт открывается с этим представлением, что бы ни было на экране при закрытии</translation>
    </message>
    <message>
        <source>Standard view</source>
        <translation>Стандартное представление</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (по умолчанию)</translation>
    </message>
    <message>
        <source>Save View</source>
        <translation>Сохранить представление</translation>
    </message>
    <message>
        <source>Name the current search, filters and columns. The view is kept for this account.</source>
        <translation>Назовите текущие поиск, фильтры и столбцы. Представление сохраняется для этого аккаунта.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Replace View</source>
        <translation>Заменить представление</translation>
    </message>
    <message>
        <source>A view named “%1” exists. Replace it with what the table shows now?</source>
        <translation>Представление «%1» уже есть. Заменить его тем, что таблица показывает сейчас?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Заменить</translation>
    </message>
    <message>
        <source>Rename View</source>
        <translation>Переименовать представление</translation>
    </message>
    <message>
        <source>New name for the view “%1”:</source>
        <translation>Новое имя представления «%1»:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>A view named “%1” exists. Replace it with the view “%2”?</source>
        <translation>Представление «%1» уже есть. Заменить его представлением «%2»?</translation>
    </message>
    <message>
        <source>Delete View</source>
        <translation>Удалить представление</translation>
    </message>
    <message>
        <source>Delete the view “%1”? The campaigns are not affected.</source>
        <translation>Удалить представление «%1»? Кампании это не затронет.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>WatchAlerts</name>
    <message>
        <source>Account %1. %2</source>
        <translation>Аккаунт %1. %2</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign change(s) in %1</source>
        <translation>
            <numerusform>%n изменение кампаний в аккаунте %1</numerusform>
            <numerusform>%n изменения кампаний в аккаунте %1</numerusform>
            <numerusform>%n изменений кампаний в аккаунте %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more. Open Activity to see them all.</source>
        <translation>
            <numerusform>…и ещё %n. Откройте «Активность», чтобы увидеть все.</numerusform>
            <numerusform>…и ещё %n. Откройте «Активность», чтобы увидеть все.</numerusform>
            <numerusform>…и ещё %n. Откройте «Активность», чтобы увидеть все.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open campaign</source>
        <translation>Открыть кампанию</translation>
    </message>
    <message>
        <source>Open Activity</source>
        <translation>Открыть «Активность»</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Campaign Manager</source>
        <translation>Добро пожаловать в Campaign Manager</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Campaign Manager&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Добро пожаловать в Campaign Manager&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>See your Altcraft campaigns and pause, resume or complete them in seconds. To start, connect your account with its API URL and an API token (made in Altcraft under Settings → Tokens), or look around first with demo campaigns.</source>
        <translation>Просматривайте кампании Altcraft, приостанавливайте, возобновляйте и завершайте их за считаные секунды. Чтобы начать, подключите свой аккаунт, указав API URL и API-токен (создаётся в Altcraft в разделе «Настройки → Токены»), или сначала осмотритесь на демонстрационных кампаниях.</translation>
    </message>
    <message>
        <source>Connect to your Altcraft account</source>
        <translation>Подключиться к аккаунту Altcraft</translation>
    </message>
    <message>
        <source>&amp;Connect to Your Altcraft Account…</source>
        <translation>&amp;Подключиться к аккаунту Altcraft…</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Попробовать демо</translation>
    </message>
    <message>
        <source>&amp;Try the Demo</source>
        <translation>Попробовать &amp;демо</translation>
    </message>
    <message>
        <source>Opens demo campaigns on a local Altcraft emulator; nothing touches a real account</source>
        <translation>Открывает демонстрационные кампании в локальном эмуляторе Altcraft; настоящие аккаунты не затрагиваются</translation>
    </message>
</context>
</TS>

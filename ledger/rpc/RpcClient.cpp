#include "ledger/rpc/RpcClient.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace swarmergy::ledger::rpc {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct RpcClient::Impl {
    std::string host;
    std::uint16_t port;
    asio::io_context ioc;
    beast::tcp_stream stream{ioc};
    beast::flat_buffer buffer;
    bool connected = false;

    void connect() {
        beast::error_code ec;
        stream.socket().close(ec);
        tcp::resolver resolver(ioc);
        const auto endpoints = resolver.resolve(host, std::to_string(port), ec);
        if (!ec) stream.connect(endpoints, ec);
        if (ec) throw std::runtime_error("cannot connect to " + host + ":" + std::to_string(port) + ": " + ec.message());
        stream.socket().set_option(tcp::no_delay(true));
        buffer.clear();
        connected = true;
    }

    HttpReply exchange(const std::string& body) {
        http::request<http::string_body> request{http::verb::post, "/", 11};
        request.set(http::field::host, host);
        request.set(http::field::content_type, "application/json");
        request.keep_alive(true);
        request.body() = body;
        request.prepare_payload();
        http::write(stream, request);
        http::response_parser<http::string_body> parser;
        parser.body_limit(256 * 1024 * 1024);
        http::read(stream, buffer, parser);
        const auto& response = parser.get();
        if (!response.keep_alive()) connected = false;
        return {response.result_int(), response.body()};
    }
};

RpcClient::RpcClient(const std::string& host, std::uint16_t port) : impl_(std::make_unique<Impl>()) {
    impl_->host = host;
    impl_->port = port;
    impl_->connect();
}

RpcClient::~RpcClient() = default;

HttpReply RpcClient::post(const std::string& body) {
    if (!impl_->connected) impl_->connect();
    try {
        return impl_->exchange(body);
    } catch (const beast::system_error&) {
        impl_->connect();   // the server closed an idle kept-alive connection: retry once
        return impl_->exchange(body);
    }
}

json::value RpcClient::call(const std::string& method, json::array params) {
    const json::object request{{"jsonrpc", "2.0"}, {"id", nextId_++}, {"method", method}, {"params", std::move(params)}};
    const HttpReply reply = post(json::serialize(request));
    if (reply.status != 200) throw std::runtime_error(method + ": HTTP " + std::to_string(reply.status) + " " + reply.body);
    const json::value answer = json::parse(reply.body);
    const json::object& o = answer.as_object();
    if (const auto* error = o.if_contains("error")) {
        const json::object& e = error->as_object();
        std::optional<std::string> data;
        if (const auto* d = e.if_contains("data"); d && d->is_string()) data = std::string(d->get_string());
        throw RpcError(static_cast<int>(e.at("code").to_number<std::int64_t>()), std::string(e.at("message").as_string()), data);
    }
    return o.at("result");
}

}  // namespace swarmergy::ledger::rpc

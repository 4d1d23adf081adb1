#include "ledger/rpc/RpcServer.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <optional>

namespace swarmergy::ledger::rpc {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// One connection: read a request, answer, repeat while keep-alive. Everything runs on the
// connection's strand; the dispatcher call blocks that strand only (other connections run
// on the other io threads).
class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, RpcDispatcher& dispatcher, const RpcServerOptions& options,
            std::shared_ptr<std::atomic<std::size_t>> connections)
        : stream_(std::move(socket)), dispatcher_(dispatcher), options_(options), connections_(std::move(connections)) {}
    ~Session() { connections_->fetch_sub(1); }

    void start() {
        asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read, shared_from_this()));
    }

private:
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    http::response<http::string_body> response_;
    RpcDispatcher& dispatcher_;
    const RpcServerOptions& options_;
    std::shared_ptr<std::atomic<std::size_t>> connections_;
    bool lingering_ = false;
    std::vector<char> drain_;
    http::response<http::empty_body> continue_;

    void read() {
        parser_.emplace();
        parser_->body_limit(options_.maxBodyBytes);
        parser_->header_limit(static_cast<std::uint32_t>(options_.maxHeaderBytes));
        stream_.expires_after(options_.idleTimeout);
        http::async_read_header(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::onHeader, shared_from_this()));
    }

    // curl and .NET send "Expect: 100-continue" before a body over 1 KB and wait (curl: 1 s)
    // for the go-ahead: give it at once, once the header passed the size checks.
    void onHeader(beast::error_code ec, std::size_t) {
        if (ec) return onRead(ec, 0);
        if (!parser_->is_done() && beast::iequals(parser_->get()[http::field::expect], "100-continue")) {
            continue_ = {http::status::continue_, parser_->get().version()};
            return http::async_write(stream_, continue_, [self = shared_from_this()](beast::error_code wec, std::size_t) {
                if (wec) return self->close();
                self->readBody();
            });
        }
        readBody();
    }

    void readBody() {
        http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::onRead, shared_from_this()));
    }

    void onRead(beast::error_code ec, std::size_t) {
        if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::connection_reset ||
            ec == asio::error::operation_aborted)
            return close();
        if (ec == http::error::body_limit) return replyError(http::status::payload_too_large, "request body too large");
        if (ec == http::error::header_limit)
            return replyError(http::status::request_header_fields_too_large, "request header too large");
        if (ec) {
            // A partial request cut by the peer has nobody left to answer.
            if (ec == http::error::partial_message || ec == asio::error::eof) return close();
            return replyError(http::status::bad_request, "malformed HTTP request: " + ec.message());
        }
        handle(parser_->release());
    }

    void addCors(const http::request<http::string_body>* request) {
        if (options_.corsAllowedOrigin.empty()) return;
        response_.set(http::field::access_control_allow_origin, options_.corsAllowedOrigin);
        if (request) {
            const auto headers = (*request)[http::field::access_control_request_headers];
            response_.set(http::field::access_control_allow_headers, headers.empty() ? "Content-Type" : headers);
        }
        response_.set(http::field::access_control_allow_methods, "POST, GET, OPTIONS");
        response_.set(http::field::access_control_max_age, "600");
    }

    void handle(http::request<http::string_body> request) {
        response_ = {};
        response_.version(request.version());
        response_.keep_alive(request.keep_alive());
        response_.set(http::field::server, "SwarmLedger");
        if (request.method() == http::verb::options) {
            if (options_.corsAllowedOrigin.empty()) return replyError(http::status::forbidden, "CORS is disabled");
            response_.result(http::status::no_content);
            addCors(&request);
            return write();
        }
        if (request.method() != http::verb::post) {
            response_.set(http::field::allow, "POST, OPTIONS");
            return replyError(http::status::method_not_allowed, "JSON-RPC requests are POSTed", request.keep_alive());
        }
        const auto contentType = request[http::field::content_type];
        if (!contentType.empty() && !beast::iequals(contentType.substr(0, 16), "application/json"))
            return replyError(http::status::unsupported_media_type, "content type must be application/json",
                              request.keep_alive());
        response_.result(http::status::ok);
        response_.set(http::field::content_type, "application/json");
        addCors(&request);
        response_.body() = dispatcher_.handle(request.body());
        write();
    }

    void replyError(http::status status, const std::string& text, bool keepAlive = false) {
        lingering_ = !keepAlive;
        response_.result(status);
        if (response_.version() == 0) response_.version(11);
        response_.keep_alive(keepAlive);
        response_.set(http::field::content_type, "text/plain");
        addCors(nullptr);
        response_.body() = text + "\n";
        write();
    }

    void write() {
        response_.prepare_payload();
        stream_.expires_after(options_.idleTimeout);
        http::async_write(stream_, response_, beast::bind_front_handler(&Session::onWrite, shared_from_this()));
    }

    void onWrite(beast::error_code ec, std::size_t) {
        if (ec) return close();
        if (lingering_) return linger();
        if (!response_.keep_alive()) return close();
        read();
    }

    // After an error reply the client may still be sending (an oversized body): closing with
    // unread bytes would reset the connection and lose the reply, so stop sending and drain
    // for a bounded time first (Apache's "lingering close").
    void linger() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.expires_after(std::chrono::seconds(2));
        drain_.resize(16 * 1024);
        stream_.async_read_some(asio::buffer(drain_), beast::bind_front_handler(&Session::onDrain, shared_from_this()));
    }

    void onDrain(beast::error_code ec, std::size_t) {
        if (ec) return close();
        stream_.async_read_some(asio::buffer(drain_), beast::bind_front_handler(&Session::onDrain, shared_from_this()));
    }

    void close() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.socket().close(ignored);
    }
};

}  // namespace

struct RpcServer::Impl {
    asio::io_context ioc;
    tcp::acceptor acceptor{asio::make_strand(ioc)};
    bool running = false;
};

RpcServer::RpcServer(NodeApi& node, RpcServerOptions options)
    : options_(std::move(options)),
      dispatcher_(node, options_.limits),
      connections_(std::make_shared<std::atomic<std::size_t>>(0)),
      impl_(std::make_unique<Impl>()) {}

RpcServer::~RpcServer() { stop(); }

namespace {

void acceptLoop(asio::io_context& ioc, tcp::acceptor& acceptor, RpcDispatcher& dispatcher, const RpcServerOptions& options,
                const std::shared_ptr<std::atomic<std::size_t>>& connections) {
    acceptor.async_accept(asio::make_strand(ioc),
                          [&ioc, &acceptor, &dispatcher, &options, connections](beast::error_code ec, tcp::socket socket) {
                              if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
                              if (!ec) {
                                  // Above the connection limit the newcomer is closed at once.
                                  if (connections->fetch_add(1) >= options.maxConnections) {
                                      connections->fetch_sub(1);
                                      beast::error_code ignored;
                                      socket.close(ignored);
                                  } else {
                                      beast::error_code ignored;   // small replies: no Nagle delay
                                      socket.set_option(tcp::no_delay(true), ignored);
                                      std::make_shared<Session>(std::move(socket), dispatcher, options, connections)->start();
                                  }
                              }
                              acceptLoop(ioc, acceptor, dispatcher, options, connections);
                          });
}

}  // namespace

void RpcServer::start() {
    if (impl_->running) return;
    beast::error_code ec;
    const auto address = asio::ip::make_address(options_.bindAddress, ec);
    if (ec) throw std::runtime_error("RPC bind address '" + options_.bindAddress + "' is not an IP address");
    const tcp::endpoint endpoint(address, options_.port);
    auto& acceptor = impl_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        throw std::runtime_error("RPC server cannot listen on " + options_.bindAddress + ":" +
                                 std::to_string(options_.port) + ": " + ec.message());
    port_ = acceptor.local_endpoint().port();
    impl_->running = true;
    acceptLoop(impl_->ioc, acceptor, dispatcher_, options_, connections_);
    const unsigned n = std::max(1u, options_.threads);
    for (unsigned i = 0; i < n; ++i) threads_.emplace_back([this] { impl_->ioc.run(); });
}

void RpcServer::stop() {
    if (!impl_ || !impl_->running) return;
    impl_->running = false;
    impl_->ioc.stop();
    for (auto& t : threads_) t.join();
    threads_.clear();
    // Destroying the io_context destroys the pending handlers, hence the sessions and sockets.
    impl_ = std::make_unique<Impl>();
}

std::string RpcServer::url() const {
    const bool v6 = options_.bindAddress.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + options_.bindAddress + "]" : options_.bindAddress) + ":" + std::to_string(port_);
}

}  // namespace swarmergy::ledger::rpc
